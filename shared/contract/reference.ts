import { z } from 'zod';
import type { UgelImportPreview, UgelImportResult } from '../domain/import-types';
import type { Iged } from '../domain/types';
import { method, ORGANIZER } from './define';
import { uploadedFile } from './upload';

export const referenceMethods = {
  'reference.regions': method<string[]>('read', ORGANIZER)(z.object({})),
  'reference.igeds': method<Iged[]>('read', ORGANIZER)(z.object({ kind: z.enum(['dre', 'ugel']).optional() })),
  /** Reads an ESCALE padrón (or any sheet with CODOOII / D_DREUGEL / D_REGION) and previews the UGELs. */
  'reference.inspectUgels': method<UgelImportPreview>('read', ORGANIZER)(uploadedFile),
  'reference.commitUgels': method<UgelImportResult>('write', ['reference', 'backups'], ORGANIZER)(z.object({ token: z.string().min(1) })),
};
