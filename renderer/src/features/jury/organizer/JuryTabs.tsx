import { t } from '../../../../../shared/i18n';
import { JURY_TABS, juryHref, type JuryTab } from '../routes';

/** The organizer's jury sections, as links (each is its own screen and address). */
export function JuryTabs({ current }: { current: JuryTab }) {
  return (
    <nav className="jury-tabs" aria-label={t('juryUi.tabs.label')}>
      <ul>
        {JURY_TABS.map((tab) => (
          <li key={tab}>
            <a href={juryHref({ name: 'jury', tab })} aria-current={tab === current ? 'page' : undefined}>
              {t(`juryUi.tabs.${tab}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
