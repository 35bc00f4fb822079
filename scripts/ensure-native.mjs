#!/usr/bin/env node
// better-sqlite3 is a native module, and Node and Electron speak different ABIs.
// We keep two builds side by side instead of rebuilding node_modules back and forth:
//   node      node_modules/better-sqlite3 (built by `npm install`) — tests, serve, bench.
//   electron  .cache/native/electron/better_sqlite3.node — loaded by the desktop app
//             through better-sqlite3's `nativeBinding` option; cached only once the binary's
//             own ABI (node_register_module_v<N>) is Electron's.
// So `npm start` and `npm test` work on a fresh clone in either order.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { abiMismatch, electronAbi, electronBuildEnv } from './native-abi.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const target = process.argv[2];
const moduleDir = path.join(root, 'node_modules', 'better-sqlite3');

function run(cmd, args, cwd, env = process.env) {
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env: { ...env } });
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
  let abi;
  try {
    abi = electronAbi(electronVersion);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  const outDir = path.join(root, '.cache', 'native', 'electron');
  const cached = path.join(outDir, 'better_sqlite3.node');
  const stamp = path.join(outDir, 'version.txt');
  const wanted = `electron ${electronVersion} (ABI ${abi}) / better-sqlite3 ${sqliteVersion}`;
  // The stamp alone is not trusted: an earlier run may have stamped a build for the wrong ABI.
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted && fs.existsSync(cached) && abiMismatch(cached, abi, 'Electron') === null) {
    process.exit(0);
  }
  // Whatever is cached is not the right build: the app must not load it while this one is prepared.
  fs.rmSync(cached, { force: true });
  fs.rmSync(stamp, { force: true });

  console.log(`Preparando better-sqlite3 para Electron ${electronVersion} (ABI ${abi}, una sola vez)…`);
  const work = path.join(root, '.cache', 'native', 'work');
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(moduleDir, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
  // npm's own settings (nodedir above all) must not turn this into a build against Node's headers.
  const env = electronBuildEnv(process.env);
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  const prebuild = require.resolve('prebuild-install/bin.js');
  try {
    run(process.execPath, [prebuild, '--runtime=electron', `--target=${electronVersion}`, '--verbose'], work, env);
  } catch {
    console.log('No hay binario precompilado; compilando con node-gyp…');
    const gyp = require.resolve('node-gyp/bin/node-gyp.js');
    try {
      run(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'], work, env);
    } catch {
      console.error(
        `No se pudo preparar better-sqlite3 para Electron ${electronVersion}: hace falta descargar el binario ` +
          'precompilado o las cabeceras de Electron (conexión a internet, una sola vez). Las pruebas (npm test) no lo necesitan.',
      );
      process.exit(1);
    }
  }
  const mismatch = abiMismatch(built, abi, `Electron ${electronVersion}`);
  if (mismatch !== null) {
    console.error(`${mismatch} No se guardó en .cache/native/electron.`);
    fs.rmSync(work, { recursive: true, force: true });
    process.exit(1);
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(built, cached);
  fs.writeFileSync(stamp, wanted);
  fs.rmSync(work, { recursive: true, force: true });
} else {
  console.error('Uso: node scripts/ensure-native.mjs node|electron');
  process.exit(2);
}
