import type { JurySettingsFields } from '../../../shared/domain/jury-schemas';
import type { JurySettings, TieBreakStep } from '../../../shared/domain/jury-types';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { execute, queryOne } from '../../db/query';
import { isDeepStrictEqual } from 'node:util';
import { assertEditable } from '../editions/write';
import { appendAudit } from './audit/chain';
import { configSealed, refreshConfigDigest } from './audit/config-check';
import { assertEditionNotFrozen } from './frozen';

interface SettingsRow {
  edition_id: number;
  blind_mode: number;
  conflict_same_iged: number;
  conflict_parent_dre: number;
  conflict_same_region: number;
  jurors_per_entry: number;
  disagreement_threshold: number;
  tie_break_chain: string;
  consolidation_method: JurySettings['consolidationMethod'];
  missing_rule: JurySettings['missingRule'];
  rescale_min_coverage: number;
  trimmed_min_jurors: number;
  top_places: number;
  updated_at: string;
}

/** The edition's jury settings; the row is created with the schema's defaults on first use. */
export function getSettings(db: Db, editionId: number, now: string): JurySettings {
  let row = queryOne<SettingsRow>(db, `SELECT * FROM jury_settings WHERE edition_id = ?`, editionId);
  if (!row) {
    if (!queryOne(db, `SELECT 1 FROM edition WHERE id = ?`, editionId)) throw new AppError('error.edition.notFound');
    // Reads create the defaults row: no rule changed, so a configuration digest that held before still holds.
    const sealed = configSealed(db);
    execute(db, `INSERT INTO jury_settings (edition_id, updated_at) VALUES (?, ?)`, editionId, now);
    if (sealed) refreshConfigDigest(db);
    row = queryOne<SettingsRow>(db, `SELECT * FROM jury_settings WHERE edition_id = ?`, editionId)!;
  }
  return {
    editionId,
    blindMode: row.blind_mode === 1,
    conflictRules: {
      sameIged: row.conflict_same_iged === 1,
      parentDre: row.conflict_parent_dre === 1,
      sameRegion: row.conflict_same_region === 1,
    },
    jurorsPerEntry: row.jurors_per_entry,
    disagreementThreshold: row.disagreement_threshold,
    tieBreakChain: JSON.parse(row.tie_break_chain) as TieBreakStep[],
    consolidationMethod: row.consolidation_method,
    missingRule: row.missing_rule,
    rescaleMinCoverage: row.rescale_min_coverage,
    trimmedMinJurors: row.trimmed_min_jurors,
    topPlaces: row.top_places,
    updatedAt: row.updated_at,
  };
}

export function updateSettings(db: Db, editionId: number, fields: JurySettingsFields, now: string): void {
  assertEditable(db, editionId);
  const { updatedAt: _at, editionId: _edition, ...before } = getSettings(db, editionId, now);
  // Blind mode and N shape the work ahead, not a closed ranking: only the other rules freeze.
  const { blindMode: _b1, jurorsPerEntry: _n1, ...rulesBefore } = before;
  const { blindMode: _b2, jurorsPerEntry: _n2, ...rulesAfter } = fields;
  if (!isDeepStrictEqual(rulesBefore, rulesAfter)) assertEditionNotFrozen(db, editionId);
  for (const step of fields.tieBreakChain) {
    if (step.kind === 'priorityCriterion' && !queryOne(
      db,
      `SELECT 1 FROM criterion WHERE id = ? AND edition_id = ?`,
      step.criterionId, editionId,
    )) throw new AppError('jury.settings.criterionForeign');
  }
  execute(
    db,
    `UPDATE jury_settings SET blind_mode = ?, conflict_same_iged = ?, conflict_parent_dre = ?, conflict_same_region = ?,
       jurors_per_entry = ?, disagreement_threshold = ?, tie_break_chain = ?, consolidation_method = ?,
       missing_rule = ?, rescale_min_coverage = ?, trimmed_min_jurors = ?, top_places = ?, updated_at = ?
     WHERE edition_id = ?`,
    fields.blindMode ? 1 : 0,
    fields.conflictRules.sameIged ? 1 : 0,
    fields.conflictRules.parentDre ? 1 : 0,
    fields.conflictRules.sameRegion ? 1 : 0,
    fields.jurorsPerEntry,
    fields.disagreementThreshold,
    JSON.stringify(fields.tieBreakChain),
    fields.consolidationMethod,
    fields.missingRule,
    fields.rescaleMinCoverage,
    fields.trimmedMinJurors,
    fields.topPlaces,
    now,
    editionId,
  );
  const { updatedAt: _after, editionId: _e, ...after } = getSettings(db, editionId, now);
  if (!isDeepStrictEqual(before, after)) appendAudit(db, { at: now, actor: 'organizer', action: 'settings.update', editionId, oldValue: before, newValue: after });
}
