import { t, type MessageKey } from '../../../../shared/i18n';
import type { SessionScope } from '../../../../shared/sede/roles';
import { useDeviceScope } from '../sede/device-scope';
import { encuentroHref, type EncuentroPage } from './routes';

type Tab = 'setup' | 'capture' | 'synthesis' | 'summary' | 'attendance';

const TABS: { tab: Tab; label: MessageKey; page: (id: number) => EncuentroPage }[] = [
  { tab: 'setup', label: 'encuentroUi.tab.setup', page: (id) => ({ page: 'setup', encuentroId: id }) },
  { tab: 'capture', label: 'encuentroUi.tab.capture', page: (id) => ({ page: 'capture', encuentroId: id, salaId: null, practiceId: null }) },
  { tab: 'synthesis', label: 'encuentroUi.tab.synthesis', page: (id) => ({ page: 'synthesis', encuentroId: id, salaId: null }) },
  { tab: 'summary', label: 'encuentroUi.tab.summary', page: (id) => ({ page: 'summary', encuentroId: id }) },
  { tab: 'attendance', label: 'encuentroUi.tab.attendance', page: (id) => ({ page: 'attendance', encuentroId: id }) },
];

/** The sections a venue device opens (the organizer, all of them); the door's device has only its own. */
const DEVICE_TABS: Partial<Record<SessionScope['role'], readonly Tab[]>> = { moderator: ['capture', 'synthesis', 'summary'], checkIn: [] };

/** The Encuentro's sections, as links (each is its own screen with its own address). */
export function EncuentroTabs({ encuentroId, current }: { encuentroId: number; current: Tab }) {
  const scope = useDeviceScope();
  const allowed = scope ? (DEVICE_TABS[scope.role] ?? []) : null;
  const tabs = allowed ? TABS.filter((tab) => allowed.includes(tab.tab)) : TABS;
  if (tabs.length === 0) return null;
  return (
    <nav className="encuentro-tabs" aria-label={t('encuentroUi.tabs')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.tab}>
            <a href={encuentroHref(tab.page(encuentroId))} aria-current={tab.tab === current ? 'page' : undefined}>
              {t(tab.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
