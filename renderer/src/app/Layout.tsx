import type { ReactNode } from 'react';
import { t, type MessageKey } from '../../../shared/i18n';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { BackupFailureBanner } from '../features/backups/BackupFailureBanner';
import { AuditIntegrityBanner } from '../features/jury/AuditIntegrityBanner';
import { EditionSelector } from './EditionSelector';
import { hrefOf, type Route, type RouteName } from './router';

const NAV: { route: Route; label: MessageKey; matches: RouteName[] }[] = [
  { route: { name: 'editions' }, label: 'nav.editions', matches: ['editions', 'edition'] },
  { route: { name: 'entries' }, label: 'nav.entries', matches: ['entries', 'entry', 'newEntry'] },
  { route: { name: 'import' }, label: 'nav.import', matches: ['import'] },
  { route: { name: 'reference' }, label: 'nav.reference', matches: ['reference'] },
  { route: { name: 'jury', tab: 'jurors' }, label: 'juryUi.nav.jury', matches: ['jury'] },
  { route: { name: 'scoring', stageId: null, jurorId: null, entryId: null, grid: false }, label: 'juryUi.nav.scoring', matches: ['scoring'] },
  { route: { name: 'results' }, label: 'juryUi.nav.results', matches: ['results'] },
  { route: { name: 'encuentro', path: [] }, label: 'encuentroUi.nav', matches: ['encuentro'] },
  { route: { name: 'sede' }, label: 'sedeUi.title', matches: ['sede'] },
  { route: { name: 'backups' }, label: 'nav.backups', matches: ['backups'] },
];

/** Header with the edition selector, the main navigation, and the current screen. */
export function Layout({ route, children }: { route: Route; children: ReactNode }) {
  const skipToContent = () => document.querySelector<HTMLElement>('main h1')?.focus();
  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={skipToContent}>
        {t('layout.skip')}
      </button>
      <header className="app-header">
        <div className="brand">
          <span className="brand-title">{t('app.title')}</span>
          <span className="brand-subtitle">{t('app.subtitle')}</span>
        </div>
        <EditionSelector />
      </header>
      <nav className="app-nav" aria-label={t('layout.nav')}>
        <ul>
          {NAV.map((item) => (
            <li key={item.label}>
              <a href={hrefOf(item.route)} aria-current={item.matches.includes(route.name) ? 'page' : undefined}>
                {t(item.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ConnectionBanner />
      <BackupFailureBanner />
      <AuditIntegrityBanner />
      <main id="main" className="app-main">
        {children}
      </main>
    </div>
  );
}
