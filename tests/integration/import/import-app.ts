import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { openTestApp, sampleEdition, type TestApp } from '../../support/services';
import { csvText, utf8WithBom } from '../../fixtures-src/import/workbooks';

export const CATEGORIES = ['Contribución al buen inicio del año escolar', 'Mejora de la atención y orientación al ciudadano'];

/** A small padrón: enough UGELs for tolerant and ambiguous IGED names ("Huancavelica" is a DRE and a UGEL). */
export const SMALL_PADRON = [
  ['CODOOII', 'D_DREUGEL', 'D_REGION'],
  ['220005', 'UGEL LAMAS', 'DRE SAN MARTIN'],
  ['040004', 'UGEL CASTILLA', 'GRE AREQUIPA'],
  ['160008', 'UGEL NAUTA', 'DRE LORETO'],
  ['090001', 'UGEL HUANCAVELICA', 'DRE HUANCAVELICA'],
  ['150101', 'UGEL 01 SAN JUAN DE MIRAFLORES', 'DRE LIMA METROPOLITANA'],
];

export interface ImportApp extends TestApp {
  editionId: number;
}

/**
 * The service's read timeout in these tests: generous, so a parse slowed by other suites on
 * a busy machine still finishes, while a reader that never settles still ends in an error.
 */
export const IMPORT_TEST_TIMEOUT_MS = 60_000;

/** A fresh database with one edition (two categories) and the small padrón's UGELs. */
export async function openImportApp(options: { ugels?: boolean; entriesTimeoutMs?: number } = {}): Promise<ImportApp> {
  const app = await openTestApp({ import: { entriesTimeoutMs: options.entriesTimeoutMs ?? IMPORT_TEST_TIMEOUT_MS } });
  const edition = await app.call('editions.create', sampleEdition);
  for (const name of CATEGORIES) await app.call('categories.create', { editionId: edition.id, fields: { name, description: '' } });
  if (options.ugels !== false) {
    const preview = await app.call('imports.inspectUgels', { fileName: 'padron.csv', dataBase64: base64(utf8WithBom(csvText(SMALL_PADRON))) });
    await app.call('imports.commitUgels', { token: preview.token });
  }
  return { ...app, editionId: edition.id };
}

export function base64(bytes: Buffer): string {
  return bytes.toString('base64');
}

/**
 * A digest of every row of every table, read through a separate read-only connection:
 * equal before and after means the database was not touched.
 */
export function fingerprint(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
    for (const { name } of tables) {
      hash.update(name);
      // Sorted as text: some tables are WITHOUT ROWID, and order is not what we compare.
      const rows = db.prepare(`SELECT * FROM "${name}"`).all().map((row) => JSON.stringify(row));
      for (const row of rows.sort()) hash.update(row);
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

export function backupNames(app: TestApp): string[] {
  const dir = app.services.context.backups.dir;
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}
