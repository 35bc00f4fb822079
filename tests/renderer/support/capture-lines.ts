import type { Contribution, PracticeMatrix } from '../../../shared/domain/encuentro-types';
import { blankLine, emptyCells, type CaptureItem, type Cells } from '../../../renderer/src/features/encuentro/capture/capture-items';

/**
 * Lines and server records for the capture store's pure parts, all in the cell «limitantes ·
 * UGEL» unless told: a saved line, a draft typed but never created, and the server's record.
 */
export const CELL = 'limiting:ugel';

/** A line the server has, acknowledged up to its revision. */
export function saved(id: number, text: string, extra: Partial<CaptureItem> = {}): CaptureItem {
  return { ...blankLine(`s-${id}`, 'limiting', 'ugel'), id, text, revision: 1, ackedRevision: 1, position: id, ...extra };
}

/** A line typed here and not created yet. */
export function draft(key: string, text: string, extra: Partial<CaptureItem> = {}): CaptureItem {
  return { ...blankLine(key, 'limiting', 'ugel'), text, revision: 1, ...extra };
}

export function record(id: number, text: string, extra: Partial<Contribution> = {}): Contribution {
  return {
    id,
    encuentroId: 1,
    practiceId: 1,
    salaId: 1,
    block: 'limiting',
    level: 'ugel',
    text,
    position: id,
    revision: 1,
    clientKey: null,
    deleted: false,
    deletedAt: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

/** Every cell empty but «limitantes · UGEL», which holds `lines`. */
export function cellsWith(lines: CaptureItem[]): Cells {
  return { ...emptyCells(), [CELL]: lines };
}

/** What the server answers for the practice: `records` in «limitantes · UGEL», every other cell empty. */
export function matrixWith(records: Contribution[]): PracticeMatrix {
  return {
    encuentroId: 1,
    practice: {} as PracticeMatrix['practice'],
    salaId: 1,
    blocks: [{ block: 'limiting', cells: [{ level: 'ugel', contributions: records }] }],
  };
}

export const texts = (cells: Cells, ck = CELL) => cells[ck]!.map((i) => i.text);
