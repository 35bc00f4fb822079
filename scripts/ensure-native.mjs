#!/usr/bin/env node
// better-sqlite3 is a native module, and Node and Electron speak different ABIs.
// We keep two builds side by side instead of rebuilding node_modules back and forth:
//   node      node_modules/better-sqlite3 (built by `npm install`) — tests, serve, bench.
//   electron  .cache/native/electron/better_sqlite3.node — loaded by the desktop app
//             through better-sqlite3's `nativeBinding` option.
// So `npm start` and `npm test` work on a fresh clone in either order.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const target = process.argv[2];
const moduleDir = path.join(root, 'node_modules', 'better-sqlite3');

function run(cmd, args, cwd) {
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env } });
}

if (target === 'node') {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
  } catch (error) {
    console.log(`better-sqlite3 no carga en Node (${error.code ?? error.message}); recompilando para Node…`);
    run('npm', ['rebuild', 'better-sqlite3'], root);
  }
} else if (target === 'electron') {
  const electronVersion = require('electron/package.json').version;
  const sqliteVersion = require('better-sqlite3/package.json').version;
  const outDir = path.join(root, '.cache', 'native', 'electron');
  const stamp = path.join(outDir, 'version.txt');
  const wanted = `electron ${electronVersion} / better-sqlite3 ${sqliteVersion}`;
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) process.exit(0);

  console.log(`Preparando better-sqlite3 para Electron ${electronVersion} (una sola vez)…`);
  const work = path.join(root, '.cache', 'native', 'work');
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(moduleDir, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
  const prebuild = require.resolve('prebuild-install/bin.js');
  try {
    run(process.execPath, [prebuild, '--runtime=electron', `--target=${electronVersion}`, '--verbose'], work);
  } catch {
    console.log('No hay binario precompilado; compilando con node-gyp…');
    const gyp = require.resolve('node-gyp/bin/node-gyp.js');
    try {
      run(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'], work);
    } catch {
      console.error(
        `No se pudo preparar better-sqlite3 para Electron ${electronVersion}: hace falta descargar el binario ` +
          'precompilado o las cabeceras de Electron (conexión a internet, una sola vez). Las pruebas (npm test) no lo necesitan.',
      );
      process.exit(1);
    }
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), path.join(outDir, 'better_sqlite3.node'));
  fs.writeFileSync(stamp, wanted);
  fs.rmSync(work, { recursive: true, force: true });
} else {
  console.error('Uso: node scripts/ensure-native.mjs node|electron');
  process.exit(2);
}
