import { AppError } from '../../../shared/errors';
import { t, type MessageKey } from '../../../shared/i18n';
import type { Db } from '../../db/open';
import { queryOne } from '../../db/query';

type What = 'encuentro' | 'eje' | 'practice' | 'panel' | 'sala' | 'contribution' | 'version' | 'synthesisItem' | 'summaryItem' | 'attendee' | 'entry';

export function notFound(what: What): AppError {
  return new AppError('encuentro.error.notFound', { what: t(`encuentro.what.${what}` as MessageKey) });
}

const OWNER_SQL: Record<Exclude<What, 'encuentro' | 'version' | 'synthesisItem' | 'entry'>, string> = {
  eje: `SELECT encuentro_id AS e FROM encuentro_eje WHERE id = ?`,
  practice: `SELECT encuentro_id AS e FROM encuentro_practice WHERE id = ?`,
  panel: `SELECT encuentro_id AS e FROM encuentro_panel WHERE id = ?`,
  sala: `SELECT encuentro_id AS e FROM encuentro_sala WHERE id = ?`,
  contribution: `SELECT encuentro_id AS e FROM encuentro_contribution WHERE id = ?`,
  summaryItem: `SELECT encuentro_id AS e FROM encuentro_summary_item WHERE id = ?`,
  attendee: `SELECT encuentro_id AS e FROM encuentro_attendee WHERE id = ?`,
};

/** The Encuentro a record belongs to; refuses a missing record with its Spanish name. */
export function encuentroOf(db: Db, what: keyof typeof OWNER_SQL, id: number): number {
  const row = queryOne<{ e: number }>(db, OWNER_SQL[what], id);
  if (!row) throw notFound(what);
  return row.e;
}

export function assertEncuentro(db: Db, id: number): void {
  if (!queryOne(db, `SELECT 1 FROM encuentro WHERE id = ?`, id)) throw notFound('encuentro');
}

/** A referenced record must exist and belong to the same Encuentro (ids come from the client). */
export function assertOwned(db: Db, what: keyof typeof OWNER_SQL, id: number, encuentroId: number): void {
  if (encuentroOf(db, what, id) !== encuentroId) {
    throw new AppError('encuentro.error.foreign', { what: capitalize(t(`encuentro.what.${what}` as MessageKey)) });
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function nextPosition(db: Db, sql: string, ...params: unknown[]): number {
  const row = queryOne<{ p: number | null }>(db, sql, ...params)!;
  return (row.p ?? 0) + 1;
}

