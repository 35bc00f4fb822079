import { t } from '../../../../../shared/i18n';
import { useAnnounce } from '../../../app/announcer';
import { errorText } from '../../../lib/errors';
import { projectorPath, type ProjectorPage } from '../routes';

/**
 * Opens the projector view: in the desktop app a second window, full screen on the external
 * display when there is one; in a browser a new tab to drag onto the projector.
 */
export function ProjectorButton({ target }: { target: Exclude<ProjectorPage, { view: 'invalid' }> }) {
  const announce = useAnnounce();
  const path = projectorPath(target);
  const open = async () => {
    // window.bpge is the preload bridge (shared/contract/bridge.ts), typed in api/client.ts.
    const bridge = window.bpge;
    if (bridge) {
      try {
        const result = await bridge.openProjector(path);
        if (!result.ok) announce(result.error?.message ?? t('encuentroUi.projector.openFailed'), 'error');
        else announce(t(result.external ? 'encuentroUi.projector.openedExternal' : 'encuentroUi.projector.openedWindow'));
      } catch (error) {
        announce(errorText(error), 'error');
      }
      return;
    }
    const opened = window.open(`${window.location.pathname}#/${path}`, '_blank');
    if (!opened) announce(t('encuentroUi.projector.popupBlocked', { path: `#/${path}` }), 'error');
  };
  return (
    <>
      <button type="button" onClick={() => void open()}>
        {t('encuentroUi.projector.open')}
      </button>
      <a className="button" href={`#/${path}`}>
        {t('encuentroUi.projector.here')}
      </a>
    </>
  );
}
