import type { PracticeMatrix } from '../../../../../shared/domain/encuentro-types';
import { ackedByRecord, cellKey, fromServer, saveStateOf, type CaptureItem, type Cells } from './capture-items';
import { draftSlot } from './capture-order';

/**
 * Brings in what the server has, keeping every item that has unsaved local text as it is.
 * Answers the new cells and the drafts the server turned out to have already (their create got
 * through, its answer did not): they take the record's id and may still have text to send.
 */
export function mergeServer(cells: Cells, matrix: PracticeMatrix): { cells: Cells; adopted: string[] } {
  const merged = { ...cells };
  const byId = new Map<number, CaptureItem>();
  const drafts = new Map<string, CaptureItem>();
  for (const list of Object.values(merged)) for (const item of list) if (item.id !== null) byId.set(item.id, item);
  for (const list of Object.values(merged)) for (const item of list) if (item.id === null) drafts.set(item.key, item);
  const adopted: string[] = [];
  const seen = new Set<number>();
  for (const block of matrix.blocks) {
    for (const cell of block.cells) {
      const ck = cellKey(block.block, cell.level);
      const local = merged[ck] ?? [];
      const fresh: CaptureItem[] = [];
      for (const c of cell.contributions) {
        seen.add(c.id);
        const draft = c.clientKey !== null ? drafts.get(c.clientKey) : undefined;
        if (draft) {
          adopted.push(draft.key);
          fresh.push({ ...draft, id: c.id, position: c.position, ackedRevision: Math.max(draft.ackedRevision, ackedByRecord(c, draft.text, draft.revision)), failed: false, error: null });
          continue;
        }
        const mine = byId.get(c.id);
        if (mine && (saveStateOf(mine) !== 'saved' || mine.revision > c.revision)) fresh.push({ ...mine, position: c.position });
        else fresh.push(mine ? { ...fromServer(c), key: mine.key } : fromServer(c));
      }
      // Local drafts not on the server yet stay where the moderator put them: right after the
      // nearest item before them that is still there (a saved one or a draft placed just
      // before), else right before the nearest one after them, else at the end. Placing each
      // after "its" saved item instead would reverse a run of drafts typed during an outage.
      local.forEach((item, index) => {
        if (item.id !== null || adopted.includes(item.key)) return;
        fresh.splice(draftSlot(fresh, local, index), 0, item);
      });
      // Items this client still has unsaved changes on are never dropped by a refresh.
      for (const item of local) if (item.id !== null && !seen.has(item.id) && saveStateOf(item) !== 'saved' && !fresh.includes(item)) fresh.push(item);
      merged[ck] = fresh;
    }
  }
  return { cells: merged, adopted };
}
