import { z } from 'zod';
import { t, type MessageParams } from '../i18n';
import { emailOrEmpty, id, optionalText, requiredText } from './schemas';

/**
 * Jury input schemas and the score rules, shared by the services and the screens so the
 * keyboard grid refuses exactly what the service would, with the same Spanish message.
 */

export const reason = requiredText(2000);

export const affiliationInput = z.union([
  z.object({ igedId: id, note: optionalText(300) }),
  z.object({ region: requiredText(100), note: optionalText(300) }),
]);

export const jurorFields = z.object({
  name: requiredText(200),
  institution: optionalText(300),
  cargo: optionalText(200),
  email: emailOrEmpty,
  affiliations: z.array(affiliationInput).max(50).default([]),
});
export type JurorFields = z.output<typeof jurorFields>;

export const tieBreakStep = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('priorityCriterion'), criterionId: id }),
  z.object({ kind: z.literal('higherMedian') }),
  z.object({ kind: z.literal('higherMean') }),
  z.object({ kind: z.literal('smallerSpread') }),
  z.object({ kind: z.literal('organizerDecision') }),
]);

export const jurySettingsFields = z.object({
  blindMode: z.boolean(),
  conflictRules: z.object({ sameIged: z.boolean(), parentDre: z.boolean(), sameRegion: z.boolean() }),
  jurorsPerEntry: z.number().int().min(1, { error: t('jury.settings.jurorsPerEntry') }).max(50, { error: t('jury.settings.jurorsPerEntry') }),
  disagreementThreshold: z
    .number({ error: t('validation.number') })
    .gt(0, { error: t('jury.settings.threshold') })
    .max(1, { error: t('jury.settings.threshold') }),
  tieBreakChain: z.array(tieBreakStep).max(10),
  consolidationMethod: z.enum(['mean', 'median', 'trimmed', 'zscore']),
  missingRule: z.enum(['incomplete', 'rescale']),
  rescaleMinCoverage: z
    .number({ error: t('validation.number') })
    .gt(0, { error: t('results.error.coverage') })
    .max(1, { error: t('results.error.coverage') }),
  trimmedMinJurors: z
    .number({ error: t('validation.number') })
    .int({ error: t('results.error.trimmedMin') })
    .min(3, { error: t('results.error.trimmedMin') })
    .max(50, { error: t('results.error.trimmedMin') }),
  topPlaces: z
    .number({ error: t('validation.number') })
    .int({ error: t('results.error.topPlaces') })
    .min(1, { error: t('results.error.topPlaces') })
    .max(50, { error: t('results.error.topPlaces') }),
});
export type JurySettingsFields = z.output<typeof jurySettingsFields>;

/** One juror's sheet on one entry in one stage. */
export const sheetKey = z.object({ stageId: id, jurorId: id, entryId: id });

/** Who typed it: the juror, or the organizer transcribing a paper ficha. */
export const enteredBy = z.enum(['juror', 'organizer']).default('juror');

export const seed = z.number().int().min(0).max(0xffffffff);

export interface Scale {
  name: string;
  scaleMin: number;
  scaleMax: number;
  scaleStep: number;
}

// Scores are typed by people in steps such as 0.5 or 0.25; binary floating point needs a tolerance.
const EPSILON = 1e-9;

export interface ScoreIssue {
  key: 'jury.score.notNumber' | 'jury.score.outOfScale' | 'jury.score.offStep';
  params: MessageParams;
}

/** Checks a score against its criterion's scale and step: null when acceptable. */
export function scoreIssue(value: number, scale: Scale): ScoreIssue | null {
  if (!Number.isFinite(value)) return { key: 'jury.score.notNumber', params: { criterion: scale.name } };
  if (value < scale.scaleMin - EPSILON || value > scale.scaleMax + EPSILON) {
    return { key: 'jury.score.outOfScale', params: { value, criterion: scale.name, min: scale.scaleMin, max: scale.scaleMax } };
  }
  const steps = (value - scale.scaleMin) / scale.scaleStep;
  if (Math.abs(steps - Math.round(steps)) > 1e-6) {
    const below = scale.scaleMin + Math.floor(steps) * scale.scaleStep;
    const params = { value, criterion: scale.name, step: scale.scaleStep, min: scale.scaleMin, below: roundScore(below), above: roundScore(below + scale.scaleStep) };
    return { key: 'jury.score.offStep', params };
  }
  return null;
}

/** The Spanish message explaining why a score is refused, or null when it is acceptable. */
export function scoreProblem(value: number, scale: Scale): string | null {
  const issue = scoreIssue(value, scale);
  return issue ? t(issue.key, issue.params) : null;
}

/** Snaps a valid value to its exact step (4.499999999 → 4.5) so stored scores compare equal. */
export function normalizeScore(value: number, scale: Scale): number {
  const steps = Math.round((value - scale.scaleMin) / scale.scaleStep);
  return roundScore(scale.scaleMin + steps * scale.scaleStep);
}

function roundScore(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Reads a score typed as text the way a Peruvian juror writes it: "4", "4,5", "4.5", " 3 ".
 * Returns NaN for anything else (letters, "4,5,1", thousands separators make no sense here).
 * An empty string is "no score" (null).
 */
export function parseScoreText(text: string): number | null {
  const trimmed = text.trim().replace(/\u00a0/g, '');
  if (trimmed === '') return null;
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(',', '.'));
}
