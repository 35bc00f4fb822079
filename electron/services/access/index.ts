export { authorize } from './authorize';
export { scopeLabel } from './scope-label';
export { statusFor } from './status';
export { accessProblems, assertAccessDeclared } from './declarations';
