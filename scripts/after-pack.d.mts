/** Types for scripts/after-pack.mjs (electron-builder's afterPack hook). */
export default function afterPack(context: { appOutDir: string; packager: { config: { electronVersion?: string | null } } }): Promise<void>;
