import { t } from '../../../../../shared/i18n';
import type { CaptureSnapshot, SaveState } from './capture-items';
import type { CaptureStore } from './capture-store';

/** The practice's name and the summary of its saves (one line for the whole matrix). */
export function SaveSummary({ title, counts }: { title: string; counts: Record<SaveState, number> }) {
  const pending = counts.saving + counts.retrying + counts.error + counts.conflict;
  return (
    <div className="capture-status-row">
      <h2 className="capture-practice">{title}</h2>
      <p className={`save-summary save-summary-${counts.retrying + counts.error + counts.conflict > 0 ? 'retrying' : pending > 0 ? 'saving' : 'saved'}`} role="status" aria-live="polite" data-testid="save-summary">
        {counts.conflict > 0
          ? t('who.save.summaryConflict', { count: counts.conflict })
          : counts.retrying + counts.error > 0
          ? t('encuentroUi.save.summaryRetrying', { count: counts.retrying + counts.error })
          : pending > 0
            ? t('encuentroUi.save.summarySaving')
            : t('encuentroUi.save.summarySaved')}
      </p>
    </div>
  );
}

/** The keyboard shortcuts, open by default (the moderator types from the keyboard). */
export function ShortcutsHelp() {
  return (
    <details className="shortcuts" open>
      <summary>{t('encuentroUi.shortcuts.title')}</summary>
      <ul>
        <li><kbd>Enter</kbd> {t('encuentroUi.shortcuts.enter')}</li>
        <li><kbd>Mayús</kbd>+<kbd>Enter</kbd> {t('encuentroUi.shortcuts.shiftEnter')}</li>
        <li><kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> {t('encuentroUi.shortcuts.level')}</li>
        <li><kbd>Alt</kbd>+<kbd>←</kbd>/<kbd>→</kbd> {t('encuentroUi.shortcuts.block')}</li>
        <li><kbd>↑</kbd>/<kbd>↓</kbd> {t('encuentroUi.shortcuts.items')}</li>
        <li><kbd>Ctrl</kbd>+<kbd>Supr</kbd> {t('encuentroUi.shortcuts.delete')}</li>
        <li><kbd>Ctrl</kbd>+<kbd>Z</kbd> {t('encuentroUi.shortcuts.undo')}</li>
        <li><kbd>Ctrl</kbd>+<kbd>Y</kbd> {t('encuentroUi.shortcuts.redo')}</li>
        <li><kbd>Alt</kbd>+<kbd>H</kbd> {t('encuentroUi.shortcuts.history')}</li>
        <li><kbd>Alt</kbd>+<kbd>M</kbd> {t('encuentroUi.shortcuts.move')}</li>
      </ul>
    </details>
  );
}

/**
 * What the store says about the lines of earlier pages (brought back, or not), about the local
 * journal, and about loading the practice.
 */
export function CaptureNotices({ store, snapshot }: { store: CaptureStore; snapshot: CaptureSnapshot }) {
  return (
    <>
      {(snapshot.recovered > 0 || snapshot.unrecovered > 0 || snapshot.recoveryFailed) && (
        <div className="notice capture-recovered" role="status">
          {snapshot.recovered > 0 && <p>{t('encuentroUi.capture.recovered', { count: snapshot.recovered })}</p>}
          {snapshot.unrecovered > 0 && <p>{t('encuentroUi.capture.unrecovered', { count: snapshot.unrecovered })}</p>}
          {snapshot.recoveryFailed && <p>{t('encuentroUi.capture.recoveryFailed')}</p>}
          <button type="button" onClick={() => store.dismissRecovered()}>
            {t('encuentroUi.capture.recoveredOk')}
          </button>
        </div>
      )}
      {snapshot.journalProblem && (
        <p className="notice notice-bad" role="alert">
          {t(snapshot.journalProblem === 'quota' ? 'encuentroUi.capture.journalFull' : 'encuentroUi.capture.journalUnavailable')}
        </p>
      )}
      {!snapshot.loaded && snapshot.loadError && (
        <p className="form-error" role="alert">
          {snapshot.loadError}
        </p>
      )}
      {!snapshot.loaded && !snapshot.loadError && <p className="muted">{t('common.loading')}</p>}
    </>
  );
}
