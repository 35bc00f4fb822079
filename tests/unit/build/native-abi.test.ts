import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { abiMismatch, electronBuildEnv, moduleAbis } from '../../../scripts/native-abi.mjs';

// The check `ensure-native.mjs electron` runs on the module it built before caching it as the
// Electron build, against fake binaries: some bytes around the registration symbol, as a linker
// leaves it in ELF, PE and Mach-O files.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpge-abi-'));

function fakeBinary(name: string, symbol: string | null): string {
  const file = path.join(dir, name);
  const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
  fs.writeFileSync(file, Buffer.concat([Buffer.from('\x7fELF'), noise, Buffer.from(symbol ? `\0${symbol}\0` : '\0'), noise]));
  return file;
}

describe('native module ABI check', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the ABI a binary registers for', () => {
    expect(moduleAbis(fakeBinary('electron.node', 'node_register_module_v150'))).toEqual([150]);
    expect(moduleAbis(fakeBinary('mac.node', '_node_register_module_v140'))).toEqual([140]);
    expect(moduleAbis(fakeBinary('napi.node', 'napi_register_module_v1'))).toEqual([]);
    // The real Node build in node_modules registers for the running Node's ABI.
    const nodeBuild = path.resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(moduleAbis(nodeBuild)).toEqual([Number(process.versions.modules)]);
  });

  it('accepts a build for the expected ABI only', () => {
    expect(abiMismatch(fakeBinary('ok.node', 'node_register_module_v150'), 150, 'Electron 45.5.0')).toBeNull();
    const againstNodeHeaders = abiMismatch(fakeBinary('node-headers.node', 'node_register_module_v115'), 150, 'Electron 45.5.0');
    expect(againstNodeHeaders).toContain('es para la ABI 115, pero Electron 45.5.0 necesita la ABI 150');
    expect(againstNodeHeaders).toContain('nodedir');
    expect(abiMismatch(fakeBinary('unknown.node', null), 150, 'Electron 45.5.0')).toContain('no declara su versión ABI');
  });

  it("drops npm's settings that would build for another runtime, whatever their case", () => {
    const env = electronBuildEnv({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr/include/node',
      NPM_CONFIG_NODEDIR: '/usr/include/node',
      npm_config_target: '20.19.0',
      npm_config_runtime: 'node',
      npm_config_disturl: 'https://example.invalid/headers',
      npm_config_cache: '/root/.npm',
    });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_cache: '/root/.npm' });
  });
});

describe('afterPack hook', () => {
  it('lets a package through only when its unpacked better-sqlite3 is built for the packaged Electron', async () => {
    const { default: afterPack } = await import('../../../scripts/after-pack.mjs');
    const { electronAbi, PACKAGED_NATIVE_MODULE } = await import('../../../scripts/native-abi.mjs');
    const appOutDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpge-afterpack-'));
    try {
      const native = path.join(appOutDir, 'resources', PACKAGED_NATIVE_MODULE);
      fs.mkdirSync(path.dirname(native), { recursive: true });
      const context = { appOutDir, packager: { config: { electronVersion: '45.5.0' } } };
      fs.writeFileSync(native, Buffer.from(`\0node_register_module_v${electronAbi('45.5.0')}\0`));
      await expect(afterPack(context)).resolves.toBeUndefined();
      fs.writeFileSync(native, Buffer.from(`\0node_register_module_v${process.versions.modules}\0`));
      await expect(afterPack(context)).rejects.toThrow('El paquete no se generó.');
      fs.rmSync(native);
      await expect(afterPack(context)).rejects.toThrow('debe quedar fuera del ASAR (asarUnpack)');
    } finally {
      fs.rmSync(appOutDir, { recursive: true, force: true });
    }
  });
});
