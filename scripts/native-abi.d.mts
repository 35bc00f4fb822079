/** Types for scripts/native-abi.mjs (plain JavaScript: ensure-native.mjs runs under bare Node). */
export function moduleAbis(binary: string | Buffer): number[];
export function abiMismatch(file: string, expected: number, runtimeName: string): string | null;
export function electronBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function electronAbi(version: string): number;
export const PACKAGED_NATIVE_MODULE: string;
