import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../../../db/open';
import { execute, queryOne } from '../../../db/query';

/**
 * What a juror workbook carries about itself, in its very hidden metadata sheet. The payload
 * records every protected cell's expected text and the values the app held at export, so an
 * import can tell a juror's edit from a change made in the app meanwhile, and can name the exact
 * cell that was altered. The payload is signed with a key kept in this database (HMAC-SHA-256):
 * editing the metadata, or making one by hand, is detected.
 */

export const WORKBOOK_FORMAT = 1;
export const META_SHEET = 'bpge-meta';
/** Excel cells hold at most 32,767 characters: the payload is split across rows of column A. */
export const META_CHUNK = 30_000;
export const HEADER_ROW = 5;

export type ColumnKind = 'code' | 'title' | 'category' | 'iged' | 'region' | 'criterion' | 'comment';

export interface LayoutColumn {
  /** 1-based column number. */
  col: number;
  kind: ColumnKind;
  header: string;
  criterionId?: number;
}

export interface LayoutRow {
  /** 1-based row number. */
  row: number;
  entryId: number;
  /** Expected text of the protected cells, by column number. */
  fixed: Record<number, string>;
  /** Values held by the app at export, by criterion id (null = empty). */
  original: Record<number, number | null>;
  originalComment: string;
}

export interface WorkbookPayload {
  format: number;
  editionId: number;
  editionName: string;
  stageId: number;
  stageName: string;
  jurorId: number;
  jurorName: string;
  assignmentChecksum: string;
  scoresSheet: string;
  exportedAt: string;
  columns: LayoutColumn[];
  rows: LayoutRow[];
}

const KEY_NAME = 'jury.workbookKey';

function signingKey(db: Db): string {
  const row = queryOne<{ value: string }>(db, `SELECT value FROM app_meta WHERE key = ?`, KEY_NAME);
  if (row) return row.value;
  const key = randomBytes(32).toString('hex');
  execute(db, `INSERT OR IGNORE INTO app_meta (key, value) VALUES (?, ?)`, KEY_NAME, key);
  return queryOne<{ value: string }>(db, `SELECT value FROM app_meta WHERE key = ?`, KEY_NAME)!.value;
}

export function sign(db: Db, payloadJson: string): string {
  return createHmac('sha256', signingKey(db)).update(payloadJson).digest('hex');
}

/**
 * Checksum of what a juror was given: edition, stage, juror, the entries (in id order) and the
 * criteria with their scales. When it differs at import, the assignment changed since export.
 */
export function assignmentChecksum(input: {
  editionId: number;
  stageId: number;
  jurorId: number;
  entryIds: number[];
  criteria: { id: number; scaleMin: number; scaleMax: number; scaleStep: number }[];
}): string {
  const canonical = JSON.stringify({
    e: input.editionId,
    s: input.stageId,
    j: input.jurorId,
    entries: [...input.entryIds].sort((a, b) => a - b),
    criteria: input.criteria.map((c) => [c.id, c.scaleMin, c.scaleMax, c.scaleStep]),
  });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}
