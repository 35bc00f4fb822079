// electron-builder's afterPack hook: the installer must carry better-sqlite3 built for the Electron
// it packages. electron-builder rebuilds it, but npm settings such as `nodedir` can silently turn
// that into a build against Node's headers; the app would then fail at its first start on the
// organizer's laptop. The packaged binary's ABI is checked here, and the build stops otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { abiMismatch, electronAbi, PACKAGED_NATIVE_MODULE } from './native-abi.mjs';

export default async function afterPack(context) {
  const version = context.packager.config.electronVersion;
  const native = path.join(context.appOutDir, 'resources', PACKAGED_NATIVE_MODULE);
  if (!fs.existsSync(native)) throw new Error(`No está ${native}: better-sqlite3 debe quedar fuera del ASAR (asarUnpack). El paquete no se generó.`);
  const mismatch = abiMismatch(native, electronAbi(version), `Electron ${version}`);
  if (mismatch !== null) throw new Error(`${mismatch} El paquete no se generó.`);
}
