import { normalizeScore, parseScoreText, scoreProblem, type Scale } from '../../../../../shared/domain/jury-schemas';
import { formatNumber, t } from '../../../../../shared/i18n';

export type ParsedScore = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * What the juror typed, checked exactly as the service will check it ("4,5" accepted, 7 on a
 * 1–4 scale refused), so the refusal appears at once at the cell with the service's words.
 */
export function readScore(text: string, scale: Scale): ParsedScore {
  const value = parseScoreText(text);
  if (value === null) return { ok: true, value: null };
  if (Number.isNaN(value)) return { ok: false, message: t('juryUi.score.notNumber', { text: text.trim(), criterion: scale.name, min: scale.scaleMin, max: scale.scaleMax }) };
  const problem = scoreProblem(value, scale);
  if (problem) return { ok: false, message: problem };
  return { ok: true, value: normalizeScore(value, scale) };
}

/** The value as it is shown in a cell, formatted like every other number in the app. */
export function scoreText(value: number | null): string {
  if (value === null) return '';
  return formatNumber(value, 6);
}
