import type { Panel } from '../../../shared/domain/jury-types';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/i18n';
import type { Db } from '../../db/open';
import { execute, queryAll, queryOne } from '../../db/query';
import { assertEditable } from '../editions/write';
import { appendAudit } from './audit/chain';
import { assertStageNotFrozen } from './frozen';
import { loadJuror, loadStage } from './lookup';

interface PanelRow {
  id: number;
  stage_id: number;
  category_id: number | null;
  category_name: string | null;
  name: string;
}

export function listPanels(db: Db, stageId: number): Panel[] {
  loadStage(db, stageId);
  const rows = queryAll<PanelRow>(
    db,
    `SELECT p.id, p.stage_id, p.category_id, c.name AS category_name, p.name
       FROM panel p LEFT JOIN category c ON c.id = p.category_id
       WHERE p.stage_id = ? ORDER BY p.category_id IS NULL, c.position, p.id`,
    stageId,
  );
  return rows.map((r) => ({
    id: r.id,
    stageId: r.stage_id,
    categoryId: r.category_id,
    categoryName: r.category_name,
    name: r.name || r.category_name || t('jury.panel.general'),
    members: queryAll<{ jurorId: number; name: string; withdrawn: number }>(
      db,
      `SELECT j.id AS jurorId, j.name, j.withdrawn_at IS NOT NULL AS withdrawn
     FROM panel_member m JOIN juror j ON j.id = m.juror_id WHERE m.panel_id = ? ORDER BY j.name COLLATE NOCASE`,
      r.id,
    ).map((m) => ({
      jurorId: m.jurorId,
      name: m.name,
      withdrawn: m.withdrawn === 1,
    })),
  }));
}

/** Creates or replaces the panel of (stage, category). Members must be jurors of the same edition. */
export function savePanel(db: Db, input: { stageId: number; categoryId: number | null; name: string; jurorIds: number[] }, now: string): number {
  const stage = loadStage(db, input.stageId);
  assertEditable(db, stage.edition_id);
  assertStageNotFrozen(db, input.stageId);
  if (input.categoryId !== null && !queryOne(db, `SELECT 1 FROM category WHERE id = ? AND edition_id = ?`, input.categoryId, stage.edition_id)) {
    throw new AppError('jury.panel.categoryForeign');
  }
  for (const jurorId of input.jurorIds) loadJuror(db, jurorId, stage.edition_id);
  const existing = queryOne<{ id: number }>(db, `SELECT id FROM panel WHERE stage_id = ? AND category_id IS ?`, input.stageId, input.categoryId);
  const before = existing ? panelSnapshot(db, existing.id) : null;
  let panelId: number;
  if (existing) {
    panelId = existing.id;
    execute(db, `UPDATE panel SET name = ? WHERE id = ?`, input.name, panelId);
    execute(db, `DELETE FROM panel_member WHERE panel_id = ?`, panelId);
  } else {
    panelId = Number(
      execute(db, `INSERT INTO panel (stage_id, category_id, name, created_at) VALUES (?, ?, ?, ?)`, input.stageId, input.categoryId, input.name, now)
        .lastInsertRowid,
    );
  }
  for (const jurorId of input.jurorIds) execute(db, `INSERT OR IGNORE INTO panel_member (panel_id, juror_id) VALUES (?, ?)`, panelId, jurorId);
  appendAudit(db, { at: now, actor: 'organizer', action: 'panel.save', editionId: stage.edition_id, stageId: stage.id, oldValue: before, newValue: panelSnapshot(db, panelId) });
  return panelId;
}

export function deletePanel(db: Db, id: number, now: string): void {
  const row = queryOne<{ stage_id: number }>(db, `SELECT stage_id FROM panel WHERE id = ?`, id);
  if (!row) throw new AppError('jury.panel.notFound');
  const stage = loadStage(db, row.stage_id);
  assertEditable(db, stage.edition_id);
  assertStageNotFrozen(db, row.stage_id);
  const before = panelSnapshot(db, id);
  execute(db, `DELETE FROM panel WHERE id = ?`, id);
  appendAudit(db, { at: now, actor: 'organizer', action: 'panel.delete', editionId: stage.edition_id, stageId: stage.id, oldValue: before, newValue: null });
}

/** A panel as the audit keeps it: its category, name and members' names. */
function panelSnapshot(db: Db, id: number): unknown {
  const panel = queryOne<{ name: string; category: string | null }>(
    db,
    `SELECT p.name, c.name AS category FROM panel p LEFT JOIN category c ON c.id = p.category_id WHERE p.id = ?`,
    id,
  )!;
  const members = queryAll<{ name: string }>(
    db,
    `SELECT j.name FROM panel_member m JOIN juror j ON j.id = m.juror_id WHERE m.panel_id = ? ORDER BY j.name`,
    id,
  ).map((m) => m.name);
  return { category: panel.category, name: panel.name, members };
}
