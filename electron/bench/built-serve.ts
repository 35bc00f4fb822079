import { spawn, type ChildProcess } from 'node:child_process';
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

/** Starts that serve.js on a free port over `dbPath` and resolves with its address once it says «sirviendo en …». */
export function startBuiltServe(dbPath: string, extraArgs: readonly string[] = []): Promise<{ url: string; child: ChildProcess }> {
  let script: string;
  try {
    script = builtServeScript();
  } catch (error) {
    return Promise.reject(error as Error);
  }
  const child = spawn(process.execPath, [script, '--db', dbPath, '--port', '0', ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve no arrancó:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /sirviendo en (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], child });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve terminó (código ${code}):\n${output}`));
    });
  });
}
