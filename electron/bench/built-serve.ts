import fs from 'node:fs';
import path from 'node:path';

/**
 * The built `serve.js` of the same build as the running bench: the browser benchmarks must serve
 * the renderer built beside them. Bundled, the bench's suites are chunks in out/main/chunks/ and
 * serve.js is one folder up; run from source (npx tsx), the repository's out/main/serve.js.
 * Resolving from the working folder first (as the suites used to) served another build's renderer
 * whenever a build elsewhere (an A/B copy, a worktree) was run from the repository's folder.
 */
export function builtServeScript(): string {
  const candidates = [path.join(import.meta.dirname, 'serve.js'), path.join(import.meta.dirname, '..', 'serve.js')];
  const beside = candidates.find((file) => fs.existsSync(file));
  if (beside) return beside;
  const fromSource = path.resolve('out', 'main', 'serve.js');
  if (fs.existsSync(fromSource)) return fromSource;
  throw new Error(`Falta ${fromSource}: ejecute «npx electron-vite build» primero.`);
}
