import { actorFromColumns, actorText } from '../../../shared/domain/recorded-actor';
import type { ItemConflict, TextConflict } from '../../../shared/domain/encuentro-types';
import type { Db } from '../../db/open';
import { execute, queryAll, queryOne } from '../../db/query';
import { actorValues } from '../actor-columns';
import type { SaveBase } from './contributions';
import type { ItemKind, MatrixTable } from './matrix-items';

/**
 * Synthesis and summary items follow the contribution's rule for text saves: the highest client
 * revision wins, except that a save typed on a revision another screen has since replaced is a
 * conflict. Its text is kept in encuentro_item_conflict (with who typed it) and never applied.
 */

export interface StoredText {
  id: number;
  text: string;
  revision: number;
  editor: string | null;
}

export type TextSave = { outcome: 'applied' } | { outcome: 'stale' } | { outcome: 'conflict'; conflict: TextConflict };

/** Applies a text save to an item (calling `beforeWrite` only when the text changes), or says why not. */
export function saveItemText(db: Db, matrix: MatrixTable, row: StoredText, text: string, revision: number, now: string, base: SaveBase | undefined, beforeWrite: () => void): TextSave {
  if (base && row.revision > base.baseRevision && row.editor !== base.editor && text !== row.text) {
    // A text that could not be written anyway (a closed synthesis) is refused as such, not kept.
    beforeWrite();
    const last = queryOne<{ id: number; text: string }>(
      db,
      `SELECT id, text FROM encuentro_item_conflict WHERE item_kind = ? AND item_id = ? ORDER BY id DESC LIMIT 1`,
      matrix.kind, row.id,
    );
    const conflictId =
      last && last.text === text
        ? last.id
        : Number(
            execute(
              db,
              `INSERT INTO encuentro_item_conflict (item_kind, item_id, base_revision, text, actor_device_id, actor_name, actor_role, saved_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
              matrix.kind, row.id, base.baseRevision, text, ...actorValues(), now,
            ).lastInsertRowid,
          );
    return { outcome: 'conflict', conflict: { conflictId } };
  }
  if (revision < row.revision || (revision === row.revision && text !== row.text)) return { outcome: 'stale' };
  const editor = base?.editor ?? null;
  if (text === row.text) {
    if (revision > row.revision) execute(db, `UPDATE ${matrix.table} SET revision = ?, editor = ? WHERE id = ?`, revision, editor, row.id);
    return { outcome: 'applied' };
  }
  beforeWrite();
  execute(db, `UPDATE ${matrix.table} SET text = ?, revision = ?, editor = ?, updated_at = ? WHERE id = ?`, text, revision, editor, now, row.id);
  return { outcome: 'applied' };
}

/** The texts kept for an item after conflicts, newest first. */
export function itemConflicts(db: Db, kind: ItemKind, itemId: number): ItemConflict[] {
  const rows = queryAll<{ id: number; base_revision: number; text: string; actor_device_id: number | null; actor_name: string | null; actor_role: string | null; saved_at: string }>(
    db,
    `SELECT id, base_revision, text, actor_device_id, actor_name, actor_role, saved_at FROM encuentro_item_conflict
       WHERE item_kind = ? AND item_id = ? ORDER BY id DESC`,
    kind, itemId,
  );
  return rows.map((r) => {
    const actor = actorFromColumns(r.actor_device_id, r.actor_name, r.actor_role);
    return { id: r.id, itemId, baseRevision: r.base_revision, text: r.text, savedAt: r.saved_at, actor, by: actorText(actor) };
  });
}
