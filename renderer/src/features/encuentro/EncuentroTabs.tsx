import { t, type MessageKey } from '../../../../shared/i18n';
import { encuentroHref, type EncuentroPage } from './routes';

type Tab = 'setup' | 'capture' | 'synthesis' | 'summary' | 'attendance';

const TABS: { tab: Tab; label: MessageKey; page: (id: number) => EncuentroPage }[] = [
  { tab: 'setup', label: 'encuentroUi.tab.setup', page: (id) => ({ page: 'setup', encuentroId: id }) },
  { tab: 'capture', label: 'encuentroUi.tab.capture', page: (id) => ({ page: 'capture', encuentroId: id, salaId: null, practiceId: null }) },
  { tab: 'synthesis', label: 'encuentroUi.tab.synthesis', page: (id) => ({ page: 'synthesis', encuentroId: id, salaId: null }) },
  { tab: 'summary', label: 'encuentroUi.tab.summary', page: (id) => ({ page: 'summary', encuentroId: id }) },
  { tab: 'attendance', label: 'encuentroUi.tab.attendance', page: (id) => ({ page: 'attendance', encuentroId: id }) },
];

/** The Encuentro's sections, as links (each is its own screen with its own address). */
export function EncuentroTabs({ encuentroId, current }: { encuentroId: number; current: Tab }) {
  return (
    <nav className="encuentro-tabs" aria-label={t('encuentroUi.tabs')}>
      <ul>
        {TABS.map((tab) => (
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
