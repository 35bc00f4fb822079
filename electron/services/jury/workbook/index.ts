import type { Handlers } from '../../../../shared/contract';
import type { juryMethods } from '../../../../shared/contract/jury';
import { AppError } from '../../../../shared/errors';
import type { AppContext } from '../../context';
import { appendAudit } from '../audit/chain';
import { loadStage } from '../lookup';
import { applyWorkbook } from './apply';
import { exportJurorWorkbook } from './export';
import { previewWorkbook, type PendingImport } from './preview';
import { readJurorWorkbook } from './read-workbook';
import { TokenStore } from '../../token-store';

/** Previews wait this long for their "apply"; after that the file must be loaded again. */
const PREVIEW_TTL_MS = 60 * 60 * 1000;
/** Previews kept at once (the oldest goes first): enough for an organizer loading every juror's workbook in turn. */
const MAX_PREVIEWS = 50;

/** Previews awaiting «apply», per open app (one per createServices), so authorization can tell whose a token is. */
const pendingByContext = new WeakMap<AppContext, TokenStore<PendingImport>>();

/**
 * The stage and juror a pending preview was made for (undefined for an unknown or expired
 * token): a juror's device may apply only a preview of their own workbook (access/resolvers.ts).
 */
export function pendingWorkbookOwner(ctx: AppContext, token: string): { stageId: number; jurorId: number } | undefined {
  const item = pendingByContext.get(ctx)?.peek(token);
  return item && { stageId: item.stageId, jurorId: item.jurorId };
}

export function workbookHandlers(ctx: AppContext): Pick<Handlers, Extract<keyof typeof juryMethods, `juryWorkbooks.${string}`>> {
  const pending = new TokenStore<PendingImport>(PREVIEW_TTL_MS, MAX_PREVIEWS, 'jury.workbook.tokenExpired');
  pendingByContext.set(ctx, pending);
  const now = () => ctx.now().toISOString();

  return {
    'juryWorkbooks.export': ({ stageId, jurorId }) => exportJurorWorkbook(ctx.db(), stageId, jurorId, now()),
    'juryWorkbooks.preview': async ({ stageId, jurorId, fileName, dataBase64 }) => {
      const parsed = await readJurorWorkbook({ fileName, dataBase64 });
      const db = ctx.db();
      const { preview, pending: item } = db.transaction(() => previewWorkbook(db, parsed, { stageId, jurorId, fileName }, now()))();
      return { ...preview, token: pending.put(item) };
    },
    'juryWorkbooks.apply': async ({ token, conflicts }) => {
      const item = pending.get(token);
      if (item.invalid > 0) throw new AppError('jury.workbook.hasErrors', { count: item.invalid });
      const db = ctx.db();
      if (item.changes.length > 0) await ctx.backup('antes-de-importar', { fileName: item.fileName, editionId: loadStage(db, item.stageId).edition_id });
      const result = db.transaction(() => {
        const applied = applyWorkbook(db, item, conflicts, now());
        // A re-import that changes nothing leaves no trace either: importing twice is a no-op.
        if (applied.applied === 0) return applied;
        appendAudit(db, {
          at: now(),
          actor: `workbook:${item.jurorId}`,
          action: 'workbook.import',
          editionId: loadStage(db, item.stageId).edition_id,
          stageId: item.stageId,
          jurorId: item.jurorId,
          newValue: { fileName: item.fileName, ...applied },
        });
        return applied;
      })();
      pending.delete(token);
      return result;
    },
  };
}
