import type { Handlers } from '../../../shared/contract';
import type { importMethods } from '../../../shared/contract/imports';
import { NO_CHOICES, type ImportChoices } from '../../../shared/domain/import-types';
import { AppError } from '../../../shared/errors';
import type { AppContext } from '../context';
import { getEdition } from '../editions/read';
import { assertEditable } from '../editions/write';
import { commitEntries } from './entries/commit';
import { locateHeader, toInspection } from './entries/inspect';
import { leftOutWorkbook } from './entries/left-out';
import { currentPlan, type StoredEntryImport } from './entries/plan-cache';
import { ENTRY_LIMITS, IMPORT_DEFAULTS, UGEL_LIMITS, type ImportOptions } from './options';
import { PlanAhead } from './entries/plan-ahead';
import { readUpload } from './read-upload';
import { FileParser } from './run-parse';
import { TokenStore } from '../token-store';
import { commitUgels } from './ugels/commit';
import { collectUgels, PADRON_COLUMNS_LABEL, PADRON_PROJECTION } from './ugels/padron';
import { planUgels, type StoredUgelImport } from './ugels/plan';

export type { ImportOptions } from './options';

type ImportHandlerNames = keyof typeof importMethods;

/**
 * Workbook imports: entries of an edition, and UGEL reference data. inspect/preview parse and
 * validate without writing; the parsed file waits in memory under a token until commit.
 */
export function importHandlers(ctx: AppContext, options: ImportOptions = {}): Pick<Handlers, ImportHandlerNames> {
  const settings = { ...IMPORT_DEFAULTS, ...options };
  const entryImports = new TokenStore<StoredEntryImport>(settings.tokenTtlMs, settings.maxTokens, 'import.error.tokenExpired');
  const ugelImports = new TokenStore<StoredUgelImport>(settings.tokenTtlMs, settings.maxTokens, 'import.error.tokenExpired');
  const parser = new FileParser({ heapMb: settings.workerHeapMb, maxConcurrent: settings.maxConcurrentParses, prewarm: settings.prewarmWorker });

  return {
    'imports.inspect': async ({ editionId, fileName, dataBase64 }) => {
      getEdition(ctx.db(), editionId);
      assertEditable(ctx.db(), editionId);
      // Rows are validated as they arrive, so the preview usually finds its plan ready.
      const ahead = new PlanAhead(ctx.db(), editionId);
      const parsed = await readUpload(parser, { fileName, dataBase64 }, { limits: ENTRY_LIMITS, timeoutMs: settings.entriesTimeoutMs }, ahead);
      const stored: StoredEntryImport = { editionId, fileName, sheets: parsed.sheets.filter((s) => s.rows.length > 0).map(locateHeader) };
      if (stored.sheets.length === 0) throw new AppError('import.error.noRows', { file: fileName });
      const inspection = toInspection(entryImports.put(stored), stored);
      const planned = ahead.planFor(stored, inspection);
      if (planned) stored.lastPlan = planned;
      return inspection;
    },
    'imports.preview': ({ token, sheet, mapping, choices }) => ({ token, ...currentPlan(ctx.db(), entryImports.get(token), sheet, mapping, fullChoices(choices)).preview }),
    'imports.commit': ({ token, sheet, mapping, choices, validOnly }) =>
      commitEntries(ctx, entryImports.get(token), { sheet, mapping, choices: fullChoices(choices), validOnly: validOnly ?? false }),
    'imports.leftOut': ({ token, sheet, mapping, choices }) => {
      const stored = entryImports.get(token);
      const plan = currentPlan(ctx.db(), stored, sheet, mapping, fullChoices(choices));
      const entrySheet = stored.sheets[sheet];
      if (!entrySheet) throw new AppError('import.error.sheetMissing');
      if (plan.leftOut.length === 0) throw new AppError('import.error.nothingLeftOut');
      return leftOutWorkbook(stored.fileName, entrySheet, plan);
    },
    'imports.inspectUgels': async ({ fileName, dataBase64 }) => {
      ctx.db();
      const parsed = await readUpload(parser, { fileName, dataBase64 }, { limits: UGEL_LIMITS, timeoutMs: settings.ugelsTimeoutMs, projection: PADRON_PROJECTION });
      const table = parsed.projected;
      if (!table) throw new AppError('import.ugel.noColumns', { file: fileName, columns: PADRON_COLUMNS_LABEL });
      const { candidates, issues } = collectUgels(table);
      const stored: StoredUgelImport = {
        fileName,
        totalRows: table.dataRows,
        dreHeader: table.headers[2] ?? '',
        candidates,
        fileIssues: issues,
      };
      const token = ugelImports.put(stored);
      return { token, fileName, ...planUgels(ctx.db(), stored).preview };
    },
    'imports.commitUgels': ({ token }) => commitUgels(ctx, ugelImports.get(token)),
  };
}

function fullChoices(choices: Partial<ImportChoices> | undefined): ImportChoices {
  return { ...NO_CHOICES, ...choices };
}
