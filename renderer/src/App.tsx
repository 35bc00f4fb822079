import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useSyncExternalStore } from 'react';
import type { WhoAmI } from '../../shared/contract/sede';
import { t } from '../../shared/i18n';
import { ApiError, NO_SESSION, venueSession } from './api/client';
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
import { recoverCaptureJournals } from './features/encuentro/capture/capture-stores';
import { ProjectorScreen } from './features/encuentro/projector/ProjectorScreen';
import { homeRoute } from './features/sede/device-routes';
import { JoinScreen, type JoinReason } from './features/sede/JoinScreen';
import { sedeKeys, useWhoAmI } from './features/sede/queries';
import { RemoteShell } from './features/sede/RemoteShell';
import { errorText } from './lib/errors';

export function App() {
  return (
    <AnnouncerProvider>
      <CurrentEditionProvider>
        <SessionGate />
      </CurrentEditionProvider>
    </AnnouncerProvider>
  );
}

// Remembers, across reloads, that this browser held a venue session: a refusal then means the
// organizer closed or revoked it (said so on the join page), not a first visit.
const JOINED_KEY = 'bpge.sede.joined';
function rememberJoined(joined: boolean): void {
  try {
    if (joined) window.localStorage.setItem(JOINED_KEY, '1');
    else window.localStorage.removeItem(JOINED_KEY);
  } catch {
    // Without storage the join page just does not say why it shows after a reload.
  }
}
const rememberSession = () => rememberJoined(true);
function wasJoined(): boolean {
  try {
    return window.localStorage.getItem(JOINED_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * Who this app is, before anything else: the desktop window is the organizer; a browser asks the
 * hub («who am I»). The organizer (on loopback, or a device invited as one) gets today's app; a
 * device with one role gets that role's shell; a device without a session, the join page.
 */
function SessionGate() {
  const route = useRoute();
  const desktop = Boolean(window.bpge);
  const session = useSyncExternalStore(venueSession.subscribe, venueSession.state);
  const who = useWhoAmI(!desktop);
  const queryClient = useQueryClient();
  if (desktop) return <StatusGate />;
  const joined = (me: WhoAmI) => {
    rememberJoined(true);
    queryClient.setQueryData(sedeKeys.whoami, me);
    // Whatever was read under another session (or none) is read again under this one.
    void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== sedeKeys.whoami[0] });
    if (route.name === 'join') window.location.replace(hrefOf(homeRoute(me.scope)));
  };
  const left = () => rememberJoined(false);
  const remote = who.data !== undefined && who.data.role !== 'organizer';
  // A session refused after this page (or an earlier one) held it: the organizer closed or revoked it.
  const reason: JoinReason = session === 'left' ? 'left' : session === 'lost' && (remote || wasJoined()) ? 'closed' : 'first';
  if (route.name === 'join' || session !== 'active') return <JoinScreen key={route.name === 'join' ? (route.code ?? '') : 'lost'} code={route.name === 'join' ? route.code : null} reason={reason} onJoined={joined} />;
  if (who.isPending) return <p className="splash">{t('common.loading')}</p>;
  if (who.data === undefined) {
    if (who.error instanceof ApiError && who.error.code === NO_SESSION) return <JoinScreen code={null} reason={reason} onJoined={joined} />;
    // Any other failure (a blocked database answers only its status; the hub out of reach) is
    // today's app's to show: its status screen says why, or what to restore.
    return <StatusGate />;
  }
  if (who.data.role === 'organizer') return <StatusGate />;
  return <RemoteShell who={who.data} route={route} onJoined={rememberSession} onLeft={left} />;
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
