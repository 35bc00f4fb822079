import { Suspense, useEffect, useState } from 'react';
import type { WhoAmI } from '../../../../shared/contract/sede';
import { t } from '../../../../shared/i18n';
import { leaveVenue } from '../../api/client';
import { retryFailedScreens } from '../../app/lazy-screens';
import { hrefOf, type Route } from '../../app/router';
import { useDataChangedEvents } from '../../app/useDataChangedEvents';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { ScreenErrorBoundary } from '../../components/ScreenErrorBoundary';
import { recoverCaptureJournals, unsavedCount } from '../encuentro/capture/capture-stores';
import { EncuentroScreen } from '../encuentro/EncuentroScreen';
import { ProjectorScreen } from '../encuentro/projector/ProjectorScreen';
import { JuryScreen } from '../jury/JuryScreen';
import { shellRoute } from './device-routes';
import { DeviceScopeProvider } from './device-scope';
import { useFullScreenOnGesture } from './fullscreen';
import { JurorHome } from './JurorHome';
import { roleLabel } from './labels';
import './sede.css';

/**
 * A device on the venue network with one role: only its own screens, under a plain header (the
 * device's name, its role, «Salir»); the projector, full screen with nothing around it. Any other
 * address shows the role's home (and the server would refuse its calls anyway).
 */
export function RemoteShell({ who, route, onJoined, onLeft }: { who: WhoAmI; route: Route; onJoined(): void; onLeft(): void }) {
  useDataChangedEvents();
  // Held a session here: a later refusal (after a reload too) is said to be the organizer's doing.
  useEffect(() => onJoined(), [onJoined]);
  const shown = shellRoute(who.scope, route);
  const redirect = hrefOf(shown) !== hrefOf(route) ? hrefOf(shown) : null;
  useEffect(() => {
    // Replaced, not pushed: «Atrás» does not lead back to the address that was not the device's.
    if (redirect !== null) window.location.replace(redirect);
  }, [redirect]);
  const moderator = who.scope.role === 'moderator';
  // Lines typed before a reload or a lost session are sent once the device is in again.
  useEffect(() => {
    if (moderator) void recoverCaptureJournals();
  }, [moderator]);
  const scope = who.scope;
  useFullScreenOnGesture(shown.name === 'projector');
  if (shown.name === 'projector')
    return (
      <DeviceScopeProvider scope={scope}>
        <ConnectionBanner className="connection-banner-projector" />
        <ProjectorScreen path={shown.path} />
      </DeviceScopeProvider>
    );
  return (
    <DeviceScopeProvider scope={scope}>
      <div className="app device-shell">
        <DeviceHeader who={who} onLeft={onLeft} />
        <ConnectionBanner />
        <main id="main" className="app-main">
          <ScreenErrorBoundary resetKey={hrefOf(shown)} onRetry={retryFailedScreens}>
            <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
              {scope.role === 'juror' && shown.name === 'scoring' && shown.stageId === null ? (
                <JurorHome scope={scope} name={who.name} />
              ) : shown.name === 'scoring' ? (
                <JuryScreen key={hrefOf(shown)} route={shown} />
              ) : shown.name === 'encuentro' ? (
                <EncuentroScreen path={shown.path} />
              ) : null}
            </Suspense>
          </ScreenErrorBoundary>
        </main>
      </div>
    </DeviceScopeProvider>
  );
}

function DeviceHeader({ who, onLeft }: { who: WhoAmI; onLeft(): void }) {
  const [confirm, setConfirm] = useState(false);
  return (
    <header className="app-header device-header">
      <div className="brand">
        <span className="brand-title">{t('app.title')}</span>
        <span className="brand-subtitle">{t('sedeUi.shell.subtitle')}</span>
      </div>
      <p className="device-identity" data-testid="device-identity">
        <strong>{who.name ?? t('sedeUi.shell.unnamed')}</strong> <span>{roleLabel(who.role)}</span>
      </p>
      <button type="button" onClick={() => setConfirm(true)}>
        {t('sedeUi.shell.leave')}
      </button>
      {confirm && (
        <ConfirmDialog
          title={t('sedeUi.shell.leaveTitle')}
          confirmLabel={t('sedeUi.shell.leave')}
          onClose={() => setConfirm(false)}
          onConfirm={async () => {
            await leaveVenue();
            onLeft();
          }}
        >
          <p>{t('sedeUi.shell.leaveConfirm')}</p>
          {unsavedCount() > 0 && <p className="notice">{t('sedeUi.shell.leaveUnsaved', { count: unsavedCount() })}</p>}
        </ConfirmDialog>
      )}
    </header>
  );
}
