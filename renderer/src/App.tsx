import { Suspense, useEffect } from 'react';
import { t } from '../../shared/i18n';
import { ConnectionBanner } from './components/ConnectionBanner';
import { ScreenErrorBoundary } from './components/ScreenErrorBoundary';
import { AnnouncerProvider } from './app/announcer';
import { CurrentEditionProvider } from './app/current-edition';
import { Layout } from './app/Layout';
import { retryFailedScreens } from './app/lazy-screens';
import { hrefOf, useRoute } from './app/router';
import { Screen } from './app/Screen';
import { useDataChangedEvents } from './app/useDataChangedEvents';
import { BlockedScreen } from './features/backups/BlockedScreen';
import { useAppStatus } from './features/backups/queries';
import { recoverCaptureJournals } from './features/encuentro/capture/capture-store';
import { ProjectorScreen } from './features/encuentro/projector/ProjectorScreen';
import { errorText } from './lib/errors';

export function App() {
  return (
    <AnnouncerProvider>
      <CurrentEditionProvider>
        <StatusGate />
      </CurrentEditionProvider>
    </AnnouncerProvider>
  );
}

/** A blocked database (newer version, corrupt) shows only its reason and the backups to restore. */
function StatusGate() {
  useDataChangedEvents();
  const status = useAppStatus();
  const route = useRoute();
  const ready = status.data?.state === 'ready';
  const projector = route.name === 'projector';
  // Lines typed on an earlier page and never acknowledged are sent as soon as the app is up (not
  // from the projector window, which captures nothing and would only send them a second time).
  useEffect(() => {
    if (ready && !projector) void recoverCaptureJournals();
  }, [ready, projector]);
  if (status.isPending) return <p className="splash">{t('common.loading')}</p>;
  // Only a status never read is an error screen; a failed refresh keeps the app (and what is typed) on screen.
  if (status.data === undefined)
    return (
      <p className="form-error splash" role="alert">
        {errorText(status.error)}
      </p>
    );
  if (status.data.state === 'blocked') return <BlockedScreen status={status.data} />;
  if (route.name === 'projector')
    return (
      <>
        <ConnectionBanner className="connection-banner-projector" />
        <ProjectorScreen path={route.path} />
      </>
    );
  return (
    <Layout route={route}>
      {/* The grid and the entries list are separate chunks (app/lazy-screens): until one arrives, the usual loading line. */}
      <ScreenErrorBoundary resetKey={hrefOf(route)} onRetry={retryFailedScreens}>
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <Screen route={route} />
        </Suspense>
      </ScreenErrorBoundary>
    </Layout>
  );
}
