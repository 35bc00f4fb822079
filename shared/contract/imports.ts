import { z } from 'zod';
import { ENTRY_IMPORT_FIELDS, type ImportInspection, type ImportPreview, type ImportResult } from '../domain/import-types';
import { id } from '../domain/schemas';
import { method } from './define';
import { uploadedFile } from './upload';

const mapping = z.partialRecord(z.enum(ENTRY_IMPORT_FIELDS), z.number().int().min(0).max(1000).nullable());

const mappedToken = z.object({ token: z.string().min(1), sheet: z.number().int().min(0), mapping });

export const importMethods = {
  /** Parses the file (off the main thread, with caps) and proposes a column mapping. Writes nothing. */
  'imports.inspect': method<ImportInspection>('read')(uploadedFile.extend({ editionId: id })),
  /** Validates every row with the chosen mapping and says what a commit would do. Writes nothing. */
  'imports.preview': method<ImportPreview>('read')(mappedToken),
  /** Applies the previewed rows in one transaction, after a backup. Refused while errors remain. */
  'imports.commit': method<ImportResult>('write', ['entries', 'backups'])(mappedToken),
};
