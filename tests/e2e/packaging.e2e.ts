import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Arch, build, Platform, type Configuration } from 'electron-builder';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import checkNativeModule from '../../scripts/after-pack.mjs';

/*
 * The installers' layout, checked offline: electron-builder packages the built app (out/, as
 * `npm run test:e2e` leaves it) with the project's own "build" configuration for Linux's `dir`
 * target. Electron's binary cannot be downloaded here, so `electronDist` points at a stand-in
 * folder holding a fake `electron` executable that carries a fuse wire (the sentinel plus one
 * byte per fuse, as a real binary does) — enough for electron-builder to flip the fuses the
 * configuration asks for. The native module is not rebuilt (npmRebuild: false): the Node build
 * stands in for the Electron one, which is what a layout check needs.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  productName: string;
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  build: Configuration;
};
const electronVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 49; // '1'
const OFF = 48; // '0'
const NATIVE = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';

// Files that must never reach the package although they sit in the project folder.
const DECOYS = ['.cache/packaging-decoy/better_sqlite3.node', 'packaging-decoy.db', 'out/main/packaging-decoy.js.map'];

let work: string;
let appDir: string;
let archive: string;
let entries: Set<string>;
let afterPackVerdict: string | null | undefined;

function fakeElectronDist(dir: string): void {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  // Wire version 1, eight fuses, with Electron's defaults: RunAsNode, NODE_OPTIONS and the
  // inspector on, cookie encryption, ASAR integrity and ASAR-only off.
  const wire = Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, 8]), Buffer.from('10110000')]);
  fs.writeFileSync(path.join(dir, 'electron'), wire, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stand-in for Electron’s license\n');
}

describe('desktop package (electron-builder, linux dir target)', () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(root, 'out', 'main', 'main.js'))) throw new Error('Falta out/: ejecute «npx electron-vite build» antes de esta prueba.');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'bpge-package-'));
    const electronDist = path.join(work, 'electron-dist');
    fakeElectronDist(electronDist);
    for (const decoy of DECOYS) {
      fs.mkdirSync(path.dirname(path.join(root, decoy)), { recursive: true });
      fs.writeFileSync(path.join(root, decoy), 'decoy');
    }
    try {
      await build({
        projectDir: root,
        targets: Platform.LINUX.createTarget('dir', Arch.x64),
        publish: 'never',
        // Only what cannot work offline is overridden; files, asar, asarUnpack and the fuses
        // are the project's own configuration.
        config: {
          ...pkg.build,
          electronDist,
          electronVersion,
          npmRebuild: false,
          directories: { output: path.join(work, 'dist') },
          // The project's hook runs on the real layout; its verdict is recorded rather than
          // stopping the build, since the Node build stands in for the Electron one here.
          afterPack: async (context) => {
            afterPackVerdict = await checkNativeModule(context).then(
              () => null,
              (error: Error) => error.message,
            );
          },
        },
      });
    } finally {
      for (const decoy of DECOYS) fs.rmSync(path.join(root, decoy), { force: true });
      fs.rmSync(path.join(root, '.cache', 'packaging-decoy'), { recursive: true, force: true });
    }
    appDir = path.join(work, 'dist', 'linux-unpacked');
    archive = path.join(appDir, 'resources', 'app.asar');
    entries = new Set(asar.listPackage(archive, { isPack: false }).map((entry) => entry.replace(/\\/g, '/').replace(/^\//, '')));
  }, 120_000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("resolves package.json's main, the preload and the renderer inside the archive", () => {
    const packaged = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string; version: string; productName: string };
    expect(packaged).toMatchObject({ main: pkg.main, version: pkg.version, productName: 'Concurso BPGE' });
    const main = path.posix.normalize(packaged.main);
    expect(entries.has(main), main).toBe(true);
    for (const file of ['out/main/parse-worker.js', 'out/preload/preload.cjs', 'out/renderer/index.html']) expect(entries.has(file), file).toBe(true);
    expect(fs.existsSync(path.join(appDir, 'concurso-bpge'))).toBe(true);
  });

  it('packages only out/, production dependencies and resources/', () => {
    const top = new Set([...entries].map((entry) => entry.split('/')[0]));
    expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json', 'resources']);
    expect(entries.has('resources/demo/practicas-ganadoras.json')).toBe(true);
    const forbidden = [...entries].filter(
      (entry) => /\.(db|db-wal|db-shm|sqlite|map|ts|tsx)$/.test(entry) || entry.includes('.cache/') || /(^|\/)tests?\//.test(entry.replace(/^node_modules\/.*/, '')),
    );
    expect(forbidden).toEqual([]);
    expect(entries.has('out/main/bench.js')).toBe(false);
    const packagedModules = new Set([...entries].filter((entry) => entry.startsWith('node_modules/')).map((entry) => entry.split('/').slice(1, entry.split('/')[1]!.startsWith('@') ? 3 : 2).join('/')));
    const devOnly = Object.keys(pkg.devDependencies).filter((name) => packagedModules.has(name));
    expect(devOnly).toEqual([]);
    // better-sqlite3 ships its SQLite sources and build leftovers; only the module itself is needed.
    expect([...entries].filter((entry) => entry.startsWith('node_modules/better-sqlite3/') && /\/(deps|src|obj|obj\.target)\//.test(entry))).toEqual([]);
  });

  it('carries every package the main process and the import worker load', () => {
    // Follow the bundles' own imports from the entry points, as Node would load them.
    const seen = new Set<string>();
    const bare = new Set<string>();
    const queue = ['out/main/main.js', 'out/main/parse-worker.js'];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const code = asar.extractFile(archive, file).toString('utf8');
      const specs = [
        ...code.matchAll(/^import\s[^;]*?from\s*["']([^"']+)["']/gm),
        ...code.matchAll(/^import\s*["']([^"']+)["']/gm),
        ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
      ].map((match) => match[1]!);
      for (const spec of specs) {
        if (spec.startsWith('.')) queue.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
        else if (!spec.startsWith('node:') && spec !== 'electron') bare.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
    expect(seen.size).toBeGreaterThan(3);
    expect([...bare]).toEqual(expect.arrayContaining(['better-sqlite3', 'exceljs', 'zod']));
    for (const name of bare) {
      expect(pkg.dependencies, name).toHaveProperty([name]);
      expect(entries.has(`node_modules/${name}/package.json`), name).toBe(true);
    }
  });

  it('unpacks the native module from the archive', () => {
    expect(entries.has(NATIVE)).toBe(true);
    expect(asar.statFile(archive, NATIVE)).toMatchObject({ unpacked: true });
    const unpacked = path.join(appDir, 'resources', 'app.asar.unpacked', NATIVE);
    expect(fs.readFileSync(unpacked).equals(fs.readFileSync(path.join(root, NATIVE)))).toBe(true);
  });

  it("stops a package whose native module is not built for the packaged Electron's ABI", () => {
    expect(pkg.build.afterPack).toBe('scripts/after-pack.mjs');
    expect(afterPackVerdict).toContain(`es para la ABI ${process.versions.modules}, pero Electron ${electronVersion} necesita la ABI`);
    expect(afterPackVerdict).toContain('El paquete no se generó.');
  });

  it('flips the fuses: no RunAsNode, NODE_OPTIONS or inspector; encrypted cookies; ASAR integrity and ASAR only', async () => {
    const wire = await getCurrentFuseWire(path.join(appDir, 'concurso-bpge'));
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
    }).toEqual({ runAsNode: OFF, cookieEncryption: ON, nodeOptions: OFF, inspect: OFF, asarIntegrity: ON, onlyAsar: ON });
  });

  it('configures the installers: Windows per-user NSIS in Spanish with shortcuts and a portable exe, Linux AppImage and deb', () => {
    const config = pkg.build as Configuration & Record<string, unknown>;
    expect(config).toMatchObject({ appId: expect.stringMatching(/\S/), productName: 'Concurso BPGE', asar: true });
    expect(config.artifactName).toMatch(/\$\{version\}.*\$\{os\}.*\$\{arch\}/);
    const targets = (platform: { target?: unknown } | null | undefined) =>
      ((platform?.target ?? []) as { target: string; arch: string[] }[]).map((t) => `${t.target}:${t.arch.join(',')}`);
    expect(targets(config.win)).toEqual(['nsis:x64', 'portable:x64']);
    expect(targets(config.linux)).toEqual(['AppImage:x64', 'deb:x64']);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: false,
      installerLanguages: ['es_ES'],
      createDesktopShortcut: 'always',
      createStartMenuShortcut: true,
    });
    for (const name of [config.nsis?.artifactName, config.portable?.artifactName]) expect(name).toMatch(/\$\{version\}-windows-\$\{arch\}/);
    // The icon: a square PNG of at least 256 px, which both Windows and Linux targets accept.
    const icon = fs.readFileSync(path.join(root, config.win!.icon as string));
    expect(icon.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
