// Which ABI a native module was built for, read from the binary itself, so a build for the wrong
// runtime is caught before it is cached as the Electron one (Electron then refuses to load it
// with a NODE_MODULE_VERSION error at start-up, long after the build "succeeded").
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/*
 * A module built with NODE_MODULE / NODE_MODULE_INIT exports `node_register_module_v<ABI>`
 * (with a leading underscore on macOS); the symbol name is plain text in ELF, PE and Mach-O.
 */
const REGISTER_SYMBOL = /node_register_module_v(\d+)/g;

/** The ABI versions a module's binary registers for (usually one), read from its bytes. */
export function moduleAbis(binary) {
  const text = Buffer.isBuffer(binary) ? binary.toString('latin1') : fs.readFileSync(binary).toString('latin1');
  return [...new Set([...text.matchAll(REGISTER_SYMBOL)].map((match) => Number(match[1])))];
}

/**
 * null when the binary at `file` was built for ABI `expected`; otherwise the reason, in Spanish,
 * for the person running `npm start`.
 */
export function abiMismatch(file, expected, runtimeName) {
  const found = moduleAbis(file);
  if (found.length === 1 && found[0] === expected) return null;
  if (found.length === 0) {
    return `El módulo compilado (${file}) no declara su versión ABI (node_register_module_v…); no se puede comprobar que sea para ${runtimeName} (ABI ${expected}).`;
  }
  return (
    `El módulo compilado (${file}) es para la ABI ${found.join(', ')}, pero ${runtimeName} necesita la ABI ${expected}. ` +
    'Suele pasar cuando npm tiene configurado «nodedir» (cabeceras de Node en lugar de las de Electron): ' +
    'revise «npm config get nodedir» y la variable npm_config_nodedir, y vuelva a ejecutar «npm start».'
  );
}

/*
 * npm hands its configuration to scripts as npm_config_* variables (any case). These would make
 * node-gyp or prebuild-install build against, or fetch for, another runtime than the one asked
 * for on the command line: Node's headers (nodedir), another target or runtime, another header
 * mirror. They are dropped for the Electron build, which passes its own flags explicitly.
 */
const FOREIGN_BUILD_SETTINGS = new Set(['nodedir', 'target', 'runtime', 'disturl', 'dist_url']);

export function electronBuildEnv(env) {
  const clean = {};
  for (const [key, value] of Object.entries(env)) {
    const setting = /^npm_config_(.+)$/i.exec(key)?.[1]?.toLowerCase();
    if (setting !== undefined && FOREIGN_BUILD_SETTINGS.has(setting)) continue;
    clean[key] = value;
  }
  return clean;
}

/**
 * Electron's NODE_MODULE_VERSION for `version`, from node-abi as prebuild-install (better-sqlite3's
 * dependency) resolves it: the same table picks the prebuilt binary.
 */
export function electronAbi(version) {
  const fromPrebuild = createRequire(require.resolve('prebuild-install/package.json'));
  try {
    return Number(fromPrebuild('node-abi').getAbi(version, 'electron'));
  } catch (error) {
    throw new Error(
      `No se conoce la ABI de Electron ${version} (${error.message}). Actualice node-abi («npm update node-abi») ` +
        'para poder comprobar el módulo nativo antes de usarlo.',
      { cause: error },
    );
  }
}

export const PACKAGED_NATIVE_MODULE = path.join('app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
