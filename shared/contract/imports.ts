import { z } from 'zod';
import { ENTRY_IMPORT_FIELDS, type ImportInspection, type ImportPreview, type ImportResult, type UgelImportPreview, type UgelImportResult } from '../domain/import-types';
import { id } from '../domain/schemas';
import type { ExportedFile } from '../domain/types';
import { method, ORGANIZER } from './define';
import { uploadedFile } from './upload';

const mapping = z.partialRecord(z.enum(ENTRY_IMPORT_FIELDS), z.number().int().min(0).max(1000).nullable());

/** The review's decisions (see ImportChoices): rows left out, and IGED / category picked per unknown text. */
const choices = z
  .object({
    exclude: z.array(z.number().int().min(1)).max(100_000),
    igeds: z.record(z.string().max(500), id),
    categories: z.record(z.string().max(500), id),
  })
  .partial();

const mappedToken = z.object({ token: z.string().min(1), sheet: z.number().int().min(0), mapping, choices: choices.optional() });

export const importMethods = {
  /** Parses the file (off the main thread, with caps) and proposes a column mapping. Writes nothing. */
  'imports.inspect': method<ImportInspection>('read', ORGANIZER)(uploadedFile.extend({ editionId: id })),
  /** Validates every row with the chosen mapping and says what a commit would do. Writes nothing. */
  'imports.preview': method<ImportPreview>('read', ORGANIZER)(mappedToken),
  /**
   * Applies the previewed rows in one transaction, after a backup. Refused while a row has a
   * problem, unless `validOnly`: then the rows with problems are left out and the rest imported.
   */
  'imports.commit': method<ImportResult>('write', ['entries', 'backups'], ORGANIZER)(mappedToken.extend({ validOnly: z.boolean().optional() })),
  /** The rows a commit leaves out, as a workbook: their original cells plus a column saying why. */
  'imports.leftOut': method<ExportedFile>('read', ORGANIZER)(mappedToken),
  /** Reads an ESCALE padrón (or any sheet with CODOOII / D_DREUGEL / D_REGION) and previews the UGELs of the reference table. */
  'imports.inspectUgels': method<UgelImportPreview>('read', ORGANIZER)(uploadedFile),
  'imports.commitUgels': method<UgelImportResult>('write', ['reference', 'backups'], ORGANIZER)(z.object({ token: z.string().min(1) })),
};
