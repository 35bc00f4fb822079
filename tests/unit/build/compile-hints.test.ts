import { describe, expect, it } from 'vitest';
import { EAGER_COMPILE_HINT, eagerCompileHint } from '../../../scripts/compile-hints';

type Output = { type: 'chunk' | 'asset'; isEntry?: boolean; code?: string; map?: { mappings: string } | null; source?: string };

function generate(bundle: Record<string, Output>): Record<string, Output> {
  const plugin = eagerCompileHint();
  const hook = plugin.generateBundle as unknown as (options: unknown, bundle: Record<string, Output>) => void;
  hook.call({}, {}, bundle);
  return bundle;
}

describe('pista de compilación anticipada (V8)', () => {
  it('marca en su primera línea los fragmentos cargados en segundo plano, no el de entrada, y desplaza su mapa de fuentes', () => {
    const bundle = generate({
      'index.js': { type: 'chunk', isEntry: true, code: 'var a=1;', map: null },
      'grid.js': { type: 'chunk', isEntry: false, code: 'var b=2;', map: { mappings: 'AAAA' } },
      'index.css': { type: 'asset', source: 'body{}' },
    });
    expect(bundle['grid.js']?.code).toBe(`${EAGER_COMPILE_HINT}\nvar b=2;`);
    expect(bundle['grid.js']?.map?.mappings).toBe(';AAAA');
    // The entry compiles lazily: the app's start waits for it to be compiled.
    expect(bundle['index.js']?.code).toBe('var a=1;');
    expect(bundle['index.css']?.source).toBe('body{}');
  });

  it('no la añade dos veces', () => {
    const bundle = generate({ 'grid.js': { type: 'chunk', isEntry: false, code: `${EAGER_COMPILE_HINT}\nvar b=2;` } });
    expect(bundle['grid.js']?.code).toBe(`${EAGER_COMPILE_HINT}\nvar b=2;`);
  });

  it('solo actúa al construir', () => {
    expect(eagerCompileHint().apply).toBe('build');
  });
});
