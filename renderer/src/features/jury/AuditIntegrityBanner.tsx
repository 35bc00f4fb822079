import { useQuery } from '@tanstack/react-query';
import { t } from '../../../../shared/i18n';
import { call } from '../../api/client';
import { juryHref } from './routes';

/**
 * Verifies the audit chain once when the app opens and, when it is broken or cannot be
 * verified on this computer, says so on every screen until it is fixed (a key import or a
 * restore refreshes it; see 'auditCheck' in app/data-areas.ts). Score writes do not re-run it:
 * the whole chain is recomputed, and a juror saves a score per keystroke pause.
 */
export function AuditIntegrityBanner() {
  const { data } = useQuery({ queryKey: ['auditCheck'], queryFn: () => call('audit.verify', {}), staleTime: Infinity, retry: false });
  if (!data || data.ok) return null;
  return (
    <div role="alert" className="notice notice-bad audit-banner" data-testid="audit-startup-alert">
      <p>
        <strong>{t(data.problem === 'key' ? 'juryUi.audit.startupKey' : 'juryUi.audit.startupBroken')}</strong> {data.message}
      </p>
      <p>
        <a href={juryHref({ name: 'jury', tab: 'stages' })}>{t('juryUi.audit.startupLink')}</a>
      </p>
    </div>
  );
}
