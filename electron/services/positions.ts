import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { execute } from '../db/query';

/**
 * Rewrites `position` (1..n) to follow `orderedIds`, which must be exactly the current ids, each
 * once: a list built from a stale screen (an item added or deleted meanwhile) is refused rather
 * than half-applied. Every ordered list (edition structure, Encuentro ejes, practices,
 * contributions, synthesis and summary items) reorders through here.
 */
/** Tables with a `position` column: a closed list, since the name is part of the SQL text. */
export type OrderedTable =
  | 'category'
  | 'criterion'
  | 'stage'
  | 'encuentro_eje'
  | 'encuentro_practice'
  | 'encuentro_contribution'
  | 'encuentro_synthesis_item'
  | 'encuentro_summary_item';

export function applyOrder(db: Db, table: OrderedTable, currentIds: readonly number[], orderedIds: readonly number[]): void {
  const current = new Set(currentIds);
  if (orderedIds.length !== current.size || new Set(orderedIds).size !== orderedIds.length || orderedIds.some((id) => !current.has(id))) {
    throw new AppError('error.reorderMismatch');
  }
  orderedIds.forEach((id, index) => execute(db, `UPDATE ${table} SET position = ? WHERE id = ?`, index + 1, id));
}
