import type { EntryStatus } from '../../../../shared/domain/schemas';
import { t } from '../../../../shared/i18n';

const TONE: Record<EntryStatus, string> = { pending: 'badge-muted', passed: 'badge-ok', notPassed: 'badge-bad', observed: 'badge-warn' };

export function StatusBadge({ status }: { status: EntryStatus }) {
  return <span className={`badge ${TONE[status]}`}>{t(`entry.status.${status}`)}</span>;
}
