export { authorize } from './authorize';
export { statusFor } from './status';
export { accessProblems, assertAccessDeclared } from './declarations';
