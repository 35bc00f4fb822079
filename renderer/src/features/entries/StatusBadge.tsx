import type { EntryStatus } from '../../../../shared/domain/schemas';
import { t } from '../../../../shared/i18n';

const TONE: Record<EntryStatus, string> = { pendiente: 'badge-muted', pasa: 'badge-ok', no_pasa: 'badge-bad', observada: 'badge-warn' };

export function StatusBadge({ status }: { status: EntryStatus }) {
  return <span className={`badge ${TONE[status]}`}>{t(`entry.status.${status}`)}</span>;
}
