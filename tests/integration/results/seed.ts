import type { Db } from '../../../electron/db/open';
import { appendAudit } from '../../../electron/services/jury/audit/chain';
import { refreshConfigDigest } from '../../../electron/services/jury/audit/config-check';
import { sampleEdition, type TestApp } from '../../support/services';

/**
 * A small stage written straight into the jury schema (002-jury): the consolidation only reads
 * these tables, so the tests do not depend on the scoring screens' services.
 */

export const NOW = '2024-10-15T15:00:00.000Z';

export interface Seeded {
  editionId: number;
  stageId: number;
  categories: { inicio: number; liderazgo: number };
  criteria: { innovacion: number; resultados: number; sostenibilidad: number; intercultural: number };
  entries: Record<string, number>;
  jurors: { ana: number; luis: number; rosa: number };
}

export async function seedEdition(app: TestApp, cutoff: number | null = 200): Promise<Omit<Seeded, 'entries' | 'jurors'>> {
  const editionId = (await app.call('editions.create', sampleEdition)).id;
  const inicio = (await app.call('categories.create', { editionId, fields: { name: 'Contribución al buen inicio del año escolar' } })).id;
  const liderazgo = (await app.call('categories.create', { editionId, fields: { name: 'Liderazgo para la mejora de aprendizajes' } })).id;
  const criterion = async (name: string, weight: number, independent = false) =>
    (await app.call('criteria.create', { editionId, fields: { name, weight, scaleMin: 0, scaleMax: 4, scaleStep: 1, independent } })).id;
  const criteria = {
    innovacion: await criterion('Innovación', 30),
    resultados: await criterion('Resultados', 40),
    sostenibilidad: await criterion('Sostenibilidad', 30),
    intercultural: await criterion('Enfoque intercultural', 10, true),
  };
  const stageId = (await app.call('stages.create', { editionId, fields: { name: 'Evaluación técnica', cutoff } })).id;
  return { editionId, stageId, categories: { inicio, liderazgo }, criteria };
}

export async function addEntry(app: TestApp, editionId: number, categoryId: number, title: string): Promise<number> {
  return (await app.call('entries.create', { editionId, fields: { igedId: null, title, categoryId } })).id;
}

export function addJuror(db: Db, editionId: number, name: string, institution: string, cargo: string): number {
  const key = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const id = Number(
    db
      .prepare(`INSERT INTO juror (edition_id, name, name_key, institution, cargo, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(editionId, name, key, institution, cargo, NOW, NOW).lastInsertRowid,
  );
  // As the app does after a jury write: the configuration digest follows the change.
  refreshConfigDigest(db);
  return id;
}

/** The three-juror panel the consolidation cases are written for (in this order: Ana, Luis, Rosa). */
export function addThreeJurors(db: Db, editionId: number): Record<'ana' | 'luis' | 'rosa', number> {
  return {
    ana: addJuror(db, editionId, 'Ana Quispe Huamán', 'PUCP', 'Docente investigadora'),
    luis: addJuror(db, editionId, 'Luis Mamani Condori', 'MINEDU — DIFOCA', 'Especialista'),
    rosa: addJuror(db, editionId, 'Rosa Tello Ríos', 'SERVIR', 'Analista'),
  };
}

/** A submitted sheet with its scores (criterion id → value), or an abstention / recusal. */
export function addSheet(
  db: Db,
  stageId: number,
  jurorId: number,
  entryId: number,
  scores: Record<number, number> | { abstention: 'abstain' | 'recuse' } | { pending: Record<number, number> },
): void {
  db.prepare(`INSERT OR IGNORE INTO assignment (stage_id, juror_id, entry_id, source, created_at) VALUES (?, ?, ?, 'manual', ?)`).run(stageId, jurorId, entryId, NOW);
  const abstention = 'abstention' in scores ? scores.abstention : null;
  const pending = 'pending' in scores;
  db.prepare(
    `INSERT INTO score_sheet (stage_id, juror_id, entry_id, abstention, abstention_reason, submitted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(stageId, jurorId, entryId, abstention, abstention ? 'Conozco al equipo' : '', pending ? null : NOW, NOW);
  const values = 'abstention' in scores ? {} : 'pending' in scores ? scores.pending : scores;
  const insert = db.prepare(`INSERT INTO score (stage_id, entry_id, juror_id, criterion_id, value, updated_at) VALUES (?, ?, ?, ?, ?, ?)`);
  for (const [criterionId, value] of Object.entries(values)) {
    insert.run(stageId, entryId, jurorId, Number(criterionId), value, NOW);
    // As the app does: every score has its audit row (verification compares them).
    appendAudit(db, { at: NOW, actor: `juror:${jurorId}`, action: 'score.set', stageId, jurorId, entryId, criterionId: Number(criterionId), oldValue: null, newValue: { value, comment: '' } });
  }
  if (abstention) {
    appendAudit(db, { at: NOW, actor: `juror:${jurorId}`, action: 'sheet.abstain', editionId: null, stageId, jurorId, entryId, oldValue: null, newValue: abstention, reason: 'Conozco al equipo' });
  } else if (!pending) appendAudit(db, { at: NOW, actor: `juror:${jurorId}`, action: 'sheet.submit', editionId: null, stageId, jurorId, entryId });
  refreshConfigDigest(db);
}
