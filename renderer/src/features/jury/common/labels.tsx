import type { SheetStatus } from '../../../../../shared/domain/jury-types';
import { t } from '../../../../../shared/i18n';

const TONE: Record<SheetStatus, string> = {
  pending: 'badge-muted',
  inProgress: 'badge-info',
  submitted: 'badge-ok',
  abstained: 'badge-warn',
  recused: 'badge-warn',
};

export function SheetStatusBadge({ status }: { status: SheetStatus }) {
  return <span className={`badge ${TONE[status]}`}>{t(`juryUi.sheetStatus.${status}`)}</span>;
}

/** Scores as Peruvian readers write them: "3,5". */
export function formatScore(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat('es-PE', { maximumFractionDigits: digits }).format(value);
}
