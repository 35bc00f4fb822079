import type { AuditAction } from '../../../../shared/domain/jury-types';
import { formatDateTime, t, type MessageKey } from '../../../../shared/i18n';
import { formatScore } from '../results/labels';

/**
 * Spanish wording of one side (old or new) of an audit row, for the audit screen and the
 * results workbook's audit sheet. The stored JSON stays the record; this is only how people
 * read it. Unknown shapes fall back to the JSON itself, so nothing is ever hidden.
 */

const MAX_TEXT = 120;

const quote = (text: string) => `«${text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text}»`;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function actionLabel(action: string): string {
  return t(`jury.audit.action.${action as AuditAction}`);
}

export function describeAuditValue(action: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  switch (action) {
    case 'score.set':
      if (isRecord(value)) {
        const score = typeof value.value === 'number' ? formatScore(value.value) : t('jury.audit.value.noScore');
        return typeof value.comment === 'string' && value.comment ? `${score} · ${quote(value.comment)}` : score;
      }
      break;
    case 'sheet.comment':
      if (typeof value === 'string') return value ? quote(value) : t('jury.audit.value.empty');
      break;
    case 'sheet.abstain':
    case 'sheet.clearAbstention':
      if (value === 'abstain' || value === 'recuse') return t(`jury.audit.value.${value}`);
      break;
    case 'sheet.submit':
    case 'sheet.reopen':
      if (isRecord(value) && 'submittedAt' in value) {
        return typeof value.submittedAt === 'string' ? t('jury.audit.value.submittedAt', { date: formatDateTime(value.submittedAt) }) : t('jury.audit.value.sheetOpen');
      }
      break;
    case 'stage.close':
    case 'stage.reopen':
      if (isRecord(value) && typeof value.closed === 'boolean') return t(value.closed ? 'jury.audit.value.stageClosed' : 'jury.audit.value.stageOpen');
      break;
    case 'conflict.dismiss':
    case 'conflict.reinstate':
      if (isRecord(value) && typeof value.inForce === 'boolean') return t(value.inForce ? 'jury.audit.value.conflictInForce' : 'jury.audit.value.conflictDismissed');
      break;
    case 'juror.withdraw':
    case 'juror.reinstate':
      if (isRecord(value) && typeof value.withdrawn === 'boolean') return t(value.withdrawn ? 'jury.audit.value.withdrawn' : 'jury.audit.value.active');
      break;
    case 'assignment.auto':
      if (isRecord(value) && Array.isArray(value.added)) {
        return t('jury.audit.value.autoAssigned', { count: value.added.length, seed: String(value.seed), n: String(value.jurorsPerEntry) });
      }
      break;
    case 'workbook.import':
      if (isRecord(value) && typeof value.fileName === 'string') return t('jury.audit.value.workbook', { file: value.fileName, applied: Number(value.applied ?? 0) });
      break;
    case 'tie.decide':
    case 'tie.revoke':
      if (isRecord(value) && Array.isArray(value.entryCodes)) return t('jury.audit.value.tieOrder', { order: value.entryCodes.join(' > ') });
      break;
  }
  if (CONFIG_ACTIONS.has(action) && isRecord(value)) return describeRecord(value);
  if (typeof value === 'number') return formatScore(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Configuration changes (categories, criteria, stages, rules, panels, jurors) keep a whole snapshot. */
const CONFIG_ACTIONS: ReadonlySet<string> = new Set(
  ['category', 'criterion', 'stage', 'settings', 'panel', 'juror'].flatMap((kind) => ['create', 'update', 'delete', 'save'].map((verb) => `${kind}.${verb}`)),
);

/** Snapshot fields with a Spanish name in the catalog ('jury.audit.field.*'). */
const FIELD_KEYS: ReadonlySet<string> = new Set([
  'name', 'description', 'weight', 'scaleMin', 'scaleMax', 'scaleStep', 'independent', 'categoryIds', 'levels', 'cutoff', 'institution', 'cargo', 'email',
  'affiliations', 'category', 'members', 'blindMode', 'conflictRules', 'jurorsPerEntry', 'disagreementThreshold', 'tieBreakChain', 'consolidationMethod',
  'missingRule', 'rescaleMinCoverage', 'trimmedMinJurors', 'topPlaces',
]);

/** «peso: 30; escala desde: 0; …» — nested values in short form, so nothing reads as raw JSON. */
function describeRecord(value: Record<string, unknown>): string {
  const part = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return t(v ? 'jury.audit.value.yes' : 'jury.audit.value.no');
    if (typeof v === 'number') return formatScore(v);
    if (typeof v === 'string') return quote(v);
    if (Array.isArray(v)) return v.length === 0 ? '—' : v.map(part).join(', ');
    if (isRecord(v)) return Object.entries(v).map(([k, inner]) => `${k} ${part(inner)}`).join(' ');
    return String(v);
  };
  return Object.entries(value)
    .map(([key, v]) => `${FIELD_KEYS.has(key) ? t(`jury.audit.field.${key}` as MessageKey) : key}: ${part(v)}`)
    .join('; ');
}
