import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MIGRATIONS } from '../../electron/db/migrations';
import type { Db } from '../../electron/db/open';
import { openTestApp, sampleEdition, tempDir, type TestApp } from '../support/services';

describe('backups', () => {
  let app: TestApp | undefined;
  afterEach(() => {
    app?.close();
    app = undefined;
  });

  it('takes a backup after the first change and then only every 30 minutes of activity', async () => {
    let clock = new Date('2026-03-01T10:00:00Z');
    app = await openTestApp({ now: () => clock });
    await app.call('editions.create', sampleEdition);
    expect((await app.call('backups.list', {})).map((b) => b.reason)).toEqual(['automatica']);

    clock = new Date('2026-03-01T10:20:00Z');
    await app.call('editions.create', { ...sampleEdition, name: 'Otra edición' });
    expect(await app.call('backups.list', {})).toHaveLength(1);
    // Reads never count as activity.
    clock = new Date('2026-03-01T11:00:00Z');
    await app.call('editions.list', {});
    expect(await app.call('backups.list', {})).toHaveLength(1);

    await app.call('editions.create', { ...sampleEdition, name: 'Tercera edición' });
    const list = await app.call('backups.list', {});
    expect(list).toHaveLength(2);
    expect(list[0]?.createdAt).toBe('2026-03-01T11:00:00.000Z');
  });

  it('says in each data.changed event whether the write also took a backup (what screens refresh the backup list for)', async () => {
    let clock = new Date('2026-03-01T10:00:00Z');
    app = await openTestApp({ now: () => clock });
    const events: unknown[] = [];
    app.services.events.subscribe((event) => events.push(event.payload));
    await app.call('editions.create', sampleEdition);
    clock = new Date('2026-03-01T10:20:00Z');
    await app.call('editions.create', { ...sampleEdition, name: 'Otra edición' });
    await app.call('backups.create', {});
    clock = new Date('2026-03-01T11:00:00Z');
    await app.call('editions.create', { ...sampleEdition, name: 'Tercera edición' });
    expect((events as { method: string; backup: boolean }[]).map(({ method, backup }) => ({ method, backup }))).toEqual([
      { method: 'editions.create', backup: true },
      { method: 'editions.create', backup: false },
      { method: 'backups.create', backup: true },
      { method: 'editions.create', backup: true },
    ]);
  });

  it('rotates automatic backups (the last 10 kept), but never the manual, pre-import or pre-restore ones', async () => {
    let clock = new Date('2026-03-01T10:00:00Z');
    app = await openTestApp({ now: () => clock });
    const tick = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));
    await app.call('editions.create', sampleEdition);
    tick(1);
    const manual = await app.call('backups.create', {});
    tick(1);
    const beforeImport = await app.services.context.backup('antes-de-importar', { fileName: 'padron.csv' });
    tick(1);
    const { keptAside } = await app.call('backups.restore', { name: manual.name });
    // Thirteen writes, each more than 30 minutes after the last backup: thirteen automatic backups.
    for (let i = 0; i < 13; i++) {
      tick(31);
      await app.call('editions.create', { ...sampleEdition, name: `Edición ${i}` });
    }
    const list = await app.call('backups.list', {});
    const automatic = list.filter((b) => b.reason === 'automatica');
    expect(automatic).toHaveLength(10);
    expect(automatic[0]?.createdAt).toBe(clock.toISOString());
    expect(list.map((b) => b.name)).toEqual(expect.arrayContaining([manual.name, beforeImport.name, keptAside]));
    expect(list).toHaveLength(13);
  });

  it('keeps manual backups however many are made', async () => {
    let clock = new Date('2026-03-01T10:00:00Z');
    app = await openTestApp({ now: () => clock });
    for (let i = 0; i < 13; i++) {
      clock = new Date(clock.getTime() + 60_000);
      await app.call('backups.create', {});
    }
    const list = await app.call('backups.list', {});
    expect(list).toHaveLength(13);
    expect(list.every((b) => b.reason === 'manual')).toBe(true);
  });

  it('names what each pre-import backup was taken for: the file, and the edition it went into', async () => {
    app = await openTestApp();
    const edition = await app.call('editions.create', sampleEdition);
    await app.call('categories.create', { editionId: edition.id, fields: { name: 'Gestión escolar', description: '' } });
    const importCsv = async (fileName: string, title: string) => {
      const text = `Región,DRE/UGEL,Título,Categoría\r\nCusco,DRE Cusco,${title},Gestión escolar\r\n`;
      const inspection = await app!.call('imports.inspect', { editionId: edition.id, fileName, dataBase64: Buffer.from(text, 'utf8').toString('base64') });
      const mapping = inspection.sheets[0]?.suggestedMapping ?? {};
      return app!.call('imports.commit', { token: inspection.token, sheet: 0, mapping });
    };
    const first = await importCsv('postulaciones-cusco.csv', 'Tableros de gestión');
    const second = await importCsv('postulaciones-segunda-convocatoria.csv', 'Monitoreo pedagógico');
    const list = await app.call('backups.list', {});
    expect(list.find((b) => b.name === first.backupName)?.about).toEqual({ fileName: 'postulaciones-cusco.csv', edition: sampleEdition.name });
    expect(list.find((b) => b.name === second.backupName)?.about).toEqual({ fileName: 'postulaciones-segunda-convocatoria.csv', edition: sampleEdition.name });
  });

  it('restores a backup, keeping the current database aside first', async () => {
    app = await openTestApp();
    await app.call('editions.create', sampleEdition);
    const backup = await app.call('backups.create', {});
    await app.call('editions.create', { ...sampleEdition, name: 'Creada después de la copia' });
    expect(await app.call('editions.list', {})).toHaveLength(2);

    const result = await app.call('backups.restore', { name: backup.name });
    expect(result.keptAside).toMatch(/antes-de-restaurar\.db$/);
    const names = (await app.call('editions.list', {})).map((e) => e.name);
    expect(names).toEqual([sampleEdition.name]);

    // The set-aside file still has the later edition: nothing acknowledged is lost.
    const aside = await openTestApp({ dbPath: path.join(app.services.context.backups.dir, result.keptAside ?? '') });
    expect((await aside.call('editions.list', {})).map((e) => e.name)).toContain('Creada después de la copia');
    aside.services.close();
  });

  it('keeps in the «antes de restaurar» copy the rows still in the WAL, even while another program reads the file', async () => {
    app = await openTestApp();
    await app.call('editions.create', sampleEdition);
    const backup = await app.call('backups.create', {});
    // Everything so far is in the file itself; what follows will not be.
    app.services.context.db().pragma('wal_checkpoint(TRUNCATE)');
    // A reader outside the app (a SQLite viewer, say) keeps the WAL from being checkpointed
    // into the file when the app closes it: the rows below exist only in the WAL.
    const reader = new Database(app.dbPath, { readonly: true });
    try {
      reader.prepare('SELECT count(*) FROM edition').get();
      for (const name of ['Fila en el WAL 1', 'Fila en el WAL 2', 'Fila en el WAL 3']) await app.call('editions.create', { ...sampleEdition, name });
      const result = await app.call('backups.restore', { name: backup.name });
      expect((await app.call('editions.list', {})).map((e) => e.name)).toEqual([sampleEdition.name]);

      const aside = new Database(path.join(app.services.context.backups.dir, result.keptAside ?? ''), { readonly: true });
      const names = (aside.prepare('SELECT name FROM edition ORDER BY name').all() as { name: string }[]).map((e) => e.name);
      aside.close();
      expect(names).toEqual(['Fila en el WAL 1', 'Fila en el WAL 2', 'Fila en el WAL 3', sampleEdition.name]);
    } finally {
      reader.close();
    }
  });

  it('refuses to restore an unknown name or a path, and an unusable backup leaves the current data in place', async () => {
    app = await openTestApp();
    await app.call('editions.create', sampleEdition);
    expect((await app.fail('backups.restore', { name: '../../etc/passwd' })).code).toBe('error.backup.notFound');

    const dir = app.services.context.backups.dir;
    fs.mkdirSync(dir, { recursive: true });
    const broken = '20260101T000000000-manual.db';
    fs.writeFileSync(path.join(dir, broken), 'no es sqlite');
    const error = await app.fail('backups.restore', { name: broken });
    expect(error.code).toBe('error.backup.invalid');
    expect((await app.call('editions.list', {})).map((e) => e.name)).toEqual([sampleEdition.name]);
  });

  it('a restore whose copy fails (disk full) puts the current database back, open, with a Spanish reason', async () => {
    app = await openTestApp();
    await app.call('editions.create', sampleEdition);
    const manual = await app.call('backups.create', {});
    await app.call('editions.create', { ...sampleEdition, name: 'Después de la copia' });
    const full = Object.assign(new Error('ENOSPC: no space left on device, copyfile'), { code: 'ENOSPC' });
    const copy = vi.spyOn(fs, 'copyFileSync').mockImplementationOnce(() => {
      throw full;
    });
    try {
      const error = await app.fail('backups.restore', { name: manual.name });
      expect(error.code).toBe('error.backup.invalid');
      expect(error.message).toMatch(/no se puede restaurar: .*espacio/i);
      expect(error.message).not.toMatch(/ENOSPC/);
    } finally {
      copy.mockRestore();
    }
    expect(await app.call('app.status', {})).toMatchObject({ state: 'ready' });
    expect((await app.call('editions.list', {})).map((e) => e.name).sort()).toEqual(['Después de la copia', sampleEdition.name].sort());
  });

  it('a restore cut short between moving the database aside and copying the backup in leaves the database to be found at the next start', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const dbPath = path.join(dir, 'sede.db');
      const first = await openTestApp({ dbPath });
      await first.call('editions.create', sampleEdition);
      first.services.close();
      // What a power cut in the middle of a restore leaves: the database under its aside name.
      fs.renameSync(dbPath, `${dbPath}.restaurando`);
      const again = await openTestApp({ dbPath, demo: 'ifEmpty' });
      try {
        expect(await again.call('app.status', {})).toMatchObject({ state: 'ready' });
        expect((await again.call('editions.list', {})).map((e) => e.name)).toEqual([sampleEdition.name]);
        expect(fs.existsSync(`${dbPath}.restaurando`)).toBe(false);
      } finally {
        again.services.close();
      }
    } finally {
      cleanup();
    }
  });

  it('shows a failed automatic backup in the app status (and says so in the event) until one succeeds again', async () => {
    let clock = new Date('2026-03-01T10:00:00Z');
    app = await openTestApp({ now: () => clock });
    const events: unknown[] = [];
    app.services.events.subscribe((event) => events.push(event.payload));
    // A file where the backup folder should be: the backup cannot be written (chmod would not
    // stop the tests, which run as root).
    const dir = app.services.context.backups.dir;
    fs.writeFileSync(dir, 'no soy una carpeta');
    const edition = await app.call('editions.create', sampleEdition);
    expect(edition.name).toBe(sampleEdition.name);
    const status = await app.call('app.status', {});
    if (status.state !== 'ready') throw new Error('the database should be ready');
    expect(status.backupFailure?.at).toBe('2026-03-01T10:00:00.000Z');
    expect(status.backupFailure?.message).toContain(dir);
    expect(status.backupFailure?.message).toMatch(/No se pudo crear la copia de seguridad .*hay un archivo con ese nombre/);
    expect(status.backupFailure?.message).not.toMatch(/EEXIST|ENOTDIR|SQLITE/);
    expect((events as { method: string; backup: boolean }[]).map(({ method, backup }) => ({ method, backup }))).toEqual([{ method: 'editions.create', backup: true }]);

    // A backup asked for by hand fails with the same Spanish reason.
    const manual = await app.fail('backups.create', {});
    expect(manual.code).toBe('error.backup.failed');
    expect(manual.message).not.toMatch(/EEXIST|ENOTDIR/);

    // The next write retries at once (no backup yet), and its success clears the failure.
    fs.rmSync(dir);
    clock = new Date('2026-03-01T10:05:00Z');
    await app.call('editions.create', { ...sampleEdition, name: 'Otra edición' });
    expect(await app.call('app.status', {})).toMatchObject({ state: 'ready', backupFailure: null, lastBackupAt: '2026-03-01T10:05:00.000Z' });
    expect((await app.call('backups.list', {})).map((b) => b.reason)).toEqual(['automatica']);
  });

  it('backs up before running a pending migration, and a failing migration changes nothing', async () => {
    const { dir, cleanup } = tempDir();
    const dbPath = path.join(dir, 'upgrade.db');
    const v1 = await openTestApp({ dbPath });
    await v1.call('editions.create', sampleEdition);
    v1.services.close();

    const addColumn = (db: Db) => db.exec(`ALTER TABLE edition ADD COLUMN motto2 TEXT NOT NULL DEFAULT ''`);
    const broken = (db: Db) => {
      db.exec(`CREATE TABLE half_done (x INTEGER) STRICT`);
      throw new Error('broken migration');
    };
    const failing = await openTestApp({ dbPath, migrations: [...MIGRATIONS, broken] });
    expect(failing.services.context.status()).toMatchObject({ state: 'blocked' });
    failing.services.close();

    const upgraded = await openTestApp({ dbPath, migrations: [...MIGRATIONS, addColumn] });
    const status = await upgraded.call('app.status', {});
    expect(status).toMatchObject({ state: 'ready', schemaVersion: MIGRATIONS.length + 1 });
    const backups = await upgraded.call('backups.list', {});
    expect(backups.filter((b) => b.reason === 'antes-de-migrar').length).toBeGreaterThanOrEqual(1);
    const tables = upgraded.services.context.db().prepare(`SELECT name FROM sqlite_schema WHERE name = 'half_done'`).all();
    expect(tables).toEqual([]);
    expect((await upgraded.call('editions.list', {})).map((e) => e.name)).toEqual([sampleEdition.name]);
    upgraded.services.close();
    cleanup();
  });
});
