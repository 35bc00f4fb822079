import { withDefaults, type ConsolidationOptions, type Method, type MissingRule, type TieRule } from '../../../../shared/scoring';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../../db/open';
import { queryOne } from '../../../db/query';

interface SettingsRow {
  disagreement_threshold: number;
  tie_break_chain: string;
  consolidation_method: Method;
  missing_rule: MissingRule;
  rescale_min_coverage: number;
  trimmed_min_jurors: number;
  top_places: number;
}

/**
 * The options of one computation: the call's overrides, else the edition's jury settings
 * (method, missing-criteria rule, trimmed-mean minimum, top places, threshold, chain), else the
 * documented defaults. Read-only: a missing settings row
 * is not created here (the jury settings service does that on first use).
 */
export function resolveOptions(db: Db, editionId: number, overrides: Partial<ConsolidationOptions>): ConsolidationOptions {
  const row = queryOne<SettingsRow>(
    db,
    `SELECT disagreement_threshold, tie_break_chain, consolidation_method, missing_rule, rescale_min_coverage, trimmed_min_jurors, top_places
     FROM jury_settings WHERE edition_id = ?`,
    editionId,
  );
  const fromSettings: Partial<ConsolidationOptions> = row
    ? {
        method: row.consolidation_method,
        missingRule: row.missing_rule,
        rescaleMinCoverage: row.rescale_min_coverage,
        trimmedMinJurors: row.trimmed_min_jurors,
        topPlaces: row.top_places,
        disagreementThreshold: row.disagreement_threshold,
        tieBreak: JSON.parse(row.tie_break_chain) as TieRule[],
      }
    : {};
  const options = withDefaults({ ...fromSettings, ...stripUndefined(overrides) });
  for (const rule of options.tieBreak) {
    if (rule.kind === 'priorityCriterion' && !queryOne(
      db,
      `SELECT 1 FROM criterion WHERE id = ? AND edition_id = ?`,
      rule.criterionId, editionId,
    )) throw new AppError('results.error.criterionForeign');
  }
  return options;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
