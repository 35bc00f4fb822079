import type { Plugin } from 'vite';

/**
 * V8's explicit compile hint (Chromium ≥ 136, hence Electron ≥ 36): a script that starts with
 * this comment has every function compiled when the script is loaded, on V8's background
 * thread while the script streams in, instead of each function being parsed again and compiled
 * on the main thread the first time it runs.
 */
export const EAGER_COMPILE_HINT = '//# allFunctionsCalledOnLoad';

interface ChunkLike {
  type: 'chunk' | 'asset';
  isEntry?: boolean;
  code?: string;
  map?: { mappings: string } | null;
}

/**
 * Marks every renderer chunk except the entry with the compile hint. Why: lazy compilation was
 * a quarter of the main thread's work in the scoring grid's first view (≈ 320 functions, 230 of
 * them TanStack Table and Virtual and the grid, first run there; 45–60 ms of CPU in Chromium
 * traces), in the middle of the view. Those screens are now chunks the app fetches in the
 * background once it is up (renderer/src/app/lazy-screens.tsx); marked, they are compiled then,
 * off the main thread. The entry is left to compile lazily: the page runs nothing until its entry
 * is compiled, and marking it (tried) made the app's opening ≈ 250 ms longer.
 * Added after minification (generateBundle), which would otherwise drop the comment; a source
 * map, when built, is moved down the one line added.
 */
export function eagerCompileHint(): Plugin {
  return {
    name: 'bpge-eager-compile-hint',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle as Record<string, ChunkLike>)) {
        if (output.type !== 'chunk' || output.isEntry || output.code === undefined) continue;
        if (output.code.startsWith(EAGER_COMPILE_HINT)) continue;
        output.code = `${EAGER_COMPILE_HINT}\n${output.code}`;
        if (output.map) output.map.mappings = `;${output.map.mappings}`;
      }
    },
  };
}
