import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { up as builtinUgels } from '../../../electron/db/migrations/006-builtin-ugels';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { APPLICATION_ID } from '../../../electron/db/open';
import { openTestApp, tempDir, type TestApp } from '../../support/services';

let app: TestApp | undefined;
let cleanup: (() => void) | undefined;
afterEach(() => {
  app?.close();
  cleanup?.();
});

it('una base existente recibe la lista incluida sin duplicar las UGEL que ya tenía (padrón o demostración)', async () => {
  const folder = tempDir();
  cleanup = folder.cleanup;
  const dbPath = path.join(folder.dir, 'anterior.db');
  // A database as the previous version left it: the migrations before the built-in list, one
  // UGEL from a padrón (another code than the list's) and one demo UGEL with an entry.
  const old = new Database(dbPath);
  const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(builtinUgels));
  expect(before.length).toBeGreaterThan(0);
  for (const migrate of before) migrate(old);
  old.pragma(`user_version = ${before.length}`);
  old.pragma(`application_id = ${APPLICATION_ID}`);
  const dre = (region: string) => (old.prepare(`SELECT id FROM iged WHERE kind = 'DRE' AND region = ?`).get(region) as { id: number }).id;
  const insert = old.prepare(`INSERT INTO iged (code, kind, name, name_key, region, dre_id, source, updated_at) VALUES (?, 'UGEL', ?, ?, ?, ?, ?, '2024-01-01')`);
  insert.run('999001', 'UGEL LAMAS', 'ugel lamas', 'San Martín', dre('San Martín'), 'import');
  const nauta = Number(insert.run('DEMO-UGEL-NAUTA', 'UGEL Nauta', 'ugel nauta', 'Loreto', dre('Loreto'), 'demo').lastInsertRowid);
  old.close();

  app = await openTestApp({ dbPath });
  const ugels = await app.call('reference.igeds', { kind: 'ugel' });
  expect(ugels.filter((ugel) => /lamas/i.test(ugel.name))).toEqual([expect.objectContaining({ code: '999001', builtin: false })]);
  expect(ugels.filter((ugel) => /nauta/i.test(ugel.name))).toEqual([expect.objectContaining({ id: nauta, name: 'UGEL Nauta' })]);
  expect(ugels.filter((ugel) => ugel.builtin)).toHaveLength(222);
});
