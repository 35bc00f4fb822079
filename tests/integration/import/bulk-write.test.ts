import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryFields } from '../../../shared/domain/schemas';
import { isAppError } from '../../../shared/errors';
import { EntryBatch } from '../../../electron/services/import/entries/bulk-write';
import { insertEntry, updateEntry, type EntryFields } from '../../../electron/services/entries/write';
import { foldKey } from '../../../shared/domain/text';
import { openImportApp, type ImportApp } from './import-app';

/** The error code a write throws, or 'ok'. */
function outcome(write: () => unknown): string {
  try {
    write();
    return 'ok';
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

describe('escritura en bloque de una importación (EntryBatch)', () => {
  let app: ImportApp;
  let fields: (over: Partial<EntryFields>) => EntryFields;
  beforeAll(async () => {
    app = await openImportApp();
    const igeds = await app.call('reference.igeds', {});
    const lamas = igeds.find((iged) => iged.name === 'UGEL LAMAS')?.id ?? 0;
    const categoryId = app.services.context.db().prepare(`SELECT id FROM category WHERE edition_id = ?`).pluck().get(app.editionId) as number;
    fields = (over) => entryFields.parse({ igedId: lamas, title: 'Práctica', categoryId, ...over });
  });
  afterAll(() => app.close());

  it('hace las mismas comprobaciones que insertEntry/updateEntry, con las mismas claves de error', async () => {
    const db = app.services.context.db();
    const other = (await app.call('editions.create', { year: 2023, name: 'Otra', lema: '', legalReference: '', startDate: '', endDate: '' })).id;
    const foreignCategory = (await app.call('categories.create', { editionId: other, fields: { name: 'Ajena', description: '' } })).id;
    const now = new Date().toISOString();
    const cases: [EntryFields, string, string][] = [
      [fields({ igedId: 999_999 }), 'A-1', 'error.entry.igedUnknown'],
      [fields({ categoryId: foreignCategory }), 'A-2', 'error.entry.categoryForeign'],
      [fields({ igedId: null, region: 'Atlántida' }), 'A-3', 'error.entry.regionUnknown'],
    ];
    db.exec('SAVEPOINT probe');
    try {
      const batch = new EntryBatch(db, app.editionId, now, 'import');
      const first = batch.insert(fields({}), 'B-1', foldKey('Práctica'));
      for (const [input, code, expected] of cases) {
        expect(outcome(() => batch.insert(input, code, foldKey(input.title)))).toBe(expected);
        expect(outcome(() => insertEntry(db, app.editionId, { ...input, code }, now, 'import'))).toBe(expected);
      }
      // A code taken earlier in the same batch is seen without asking the database.
      expect(outcome(() => batch.insert(fields({ title: 'Otra' }), 'B-1', 'otra'))).toBe('error.entry.codeTaken');
      expect(outcome(() => insertEntry(db, app.editionId, fields({ code: 'B-1', title: 'Otra' }), now, 'import'))).toBe('error.entry.codeTaken');
      // Updating keeps the entry's own code, and refuses one held by another entry.
      const second = batch.insert(fields({ title: 'Segunda' }), 'B-2', 'segunda');
      expect(outcome(() => batch.update(first, fields({ summary: 'nuevo' }), foldKey('Práctica')))).toBe('ok');
      expect(outcome(() => batch.update(second, fields({ code: 'B-1', title: 'Segunda' }), 'segunda'))).toBe('error.entry.codeTaken');
      expect(outcome(() => updateEntry(db, second, fields({ code: 'B-1', title: 'Segunda' }), now))).toBe('error.entry.codeTaken');
      expect(outcome(() => batch.update(999_999, fields({}), 'practica'))).toBe('error.entry.notFound');
      const stored = db.prepare(`SELECT code, region, title_key, source, summary FROM entry WHERE id = ?`).get(first);
      expect(stored).toEqual({ code: 'B-1', region: 'San Martín', title_key: 'practica', source: 'import', summary: 'nuevo' });
    } finally {
      db.exec('ROLLBACK TO probe; RELEASE probe');
    }
  });

  it('rechaza una edición archivada, como insertEntry', async () => {
    const db = app.services.context.db();
    const archived = (await app.call('editions.create', { year: 2022, name: 'Archivada', lema: '', legalReference: '', startDate: '', endDate: '' })).id;
    await app.call('editions.setArchived', { id: archived, archived: true });
    expect(outcome(() => new EntryBatch(db, archived, new Date().toISOString(), 'import'))).toBe('error.edition.archived');
    expect(outcome(() => insertEntry(db, archived, fields({ code: 'X-1' }), new Date().toISOString(), 'import'))).toBe('error.edition.archived');
  });
});
