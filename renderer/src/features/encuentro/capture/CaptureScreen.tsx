import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { EncuentroDetail } from '../../../../../shared/domain/encuentro-types';
import { CONTRIBUTION_BLOCKS, LEVELS_BY_BLOCK, blockLabel, blockShortLabel, levelFromLabel, levelLabel } from '../../../../../shared/domain/encuentro-matrix';
import { t } from '../../../../../shared/i18n';
import { QueryStatus } from '../../../components/QueryStatus';
import { ScreenTitle } from '../../../components/ScreenTitle';
import { SelectField } from '../../../components/fields';
import { useAnnounce } from '../../../app/announcer';
import { onEncuentroEvent } from '../events';
import { ProjectorButton } from '../projector/ProjectorButton';
import { useEncuentro } from '../queries';
import { goTo } from '../routes';
import { EncuentroBreadcrumb } from '../EncuentroBreadcrumb';
import { EncuentroTabs } from '../EncuentroTabs';
import { cellKey, type CaptureItem, type CaptureStore } from './capture-store';
import { captureStore, flushAll, unsavedCount } from './capture-stores';
import { caretLine } from './caret';
import { HistoryDialog } from './HistoryDialog';
import { MoveDialog } from './MoveDialog';
import { ItemEditor, short } from './ItemEditor';
import { UndoBar } from './UndoBar';
import { visibleSalas } from '../../sede/device-routes';
import { useDeviceScope } from '../../sede/device-scope';

/** The moderator's screen: a sala, a practice, and the report's four blocks to fill from the keyboard. */
export function CaptureScreen({ encuentroId, salaId, practiceId }: { encuentroId: number; salaId: number | null; practiceId: number | null }) {
  const encuentro = useEncuentro(encuentroId);
  return (
    <QueryStatus query={encuentro}>{(detail) => <CapturePicker detail={detail} salaId={salaId} practiceId={practiceId} />}</QueryStatus>
  );
}

function CapturePicker({ detail, salaId, practiceId }: { detail: EncuentroDetail; salaId: number | null; practiceId: number | null }) {
  const scope = useDeviceScope();
  const salas = visibleSalas(scope, detail.salas);
  const sala = salas.find((s) => s.id === salaId) ?? null;
  const practices = sala ? detail.practices.filter((p) => sala.practiceIds.includes(p.id)) : [];
  const practice = practices.find((p) => p.id === practiceId) ?? null;
  const to = (nextSala: number | null, nextPractice: number | null) => goTo({ page: 'capture', encuentroId: detail.id, salaId: nextSala, practiceId: nextPractice });

  return (
    <section className="encuentro-screen">
      <EncuentroBreadcrumb encuentroId={detail.id} name={detail.name} />
      <ScreenTitle actions={practice && scope === null ? <ProjectorButton target={{ view: 'practice', practiceId: practice.id, salaId: sala?.id ?? null }} /> : undefined}>
        {t('encuentroUi.capture.title')}
      </ScreenTitle>
      <EncuentroTabs encuentroId={detail.id} current="capture" />
      <div className="capture-pickers">
        <SelectField label={t('encuentroUi.capture.sala')} value={sala?.id ?? ''} onChange={(e) => to(e.target.value ? Number(e.target.value) : null, null)}>
          <option value="">{t('encuentroUi.capture.chooseSala')}</option>
          {salas.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('encuentroUi.capture.practice')}
          value={practice?.id ?? ''}
          disabled={!sala}
          onChange={(e) => to(sala?.id ?? null, e.target.value ? Number(e.target.value) : null)}
        >
          <option value="">{t('encuentroUi.capture.choosePractice')}</option>
          {practices.map((p) => (
            <option key={p.id} value={p.id}>
              {`${p.igedName} — ${p.title}`}
            </option>
          ))}
        </SelectField>
      </div>
      {detail.salas.length === 0 && <p className="empty">{t('encuentroUi.capture.noSalas')}</p>}
      {sala && practice ? (
        <CaptureMatrix key={`${sala.id}:${practice.id}`} store={captureStore(practice.id, sala.id)} title={`${practice.igedName} — ${practice.title}`} />
      ) : (
        sala && <p className="empty">{t('encuentroUi.capture.pickPractice')}</p>
      )}
    </section>
  );
}

const BLOCK_COUNT = CONTRIBUTION_BLOCKS.length;

/** Orders "last edit" and "last deletion": Ctrl+Z undoes a deletion only if nothing was typed since. */
let clock = 0;
const tick = () => ++clock;
const LEVEL_COUNT = 4;

/**
 * Focuses an item's textarea, caret at the end. Synchronously when it is already on screen (the
 * next keystroke must land there, even from a fast typist), else as soon as React has drawn it.
 */
function focusItem(key: string): void {
  const attempt = (): boolean => {
    const el = document.querySelector<HTMLTextAreaElement>(`[data-item-key="${CSS.escape(key)}"]`);
    if (!el) return false;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
    return true;
  };
  if (attempt()) return;
  queueMicrotask(() => {
    if (attempt()) return;
    const retry = (tries: number) => {
      if (!attempt() && tries > 0) window.requestAnimationFrame(() => retry(tries - 1));
    };
    window.requestAnimationFrame(() => retry(5));
  });
}

function CaptureMatrix({ store, title }: { store: CaptureStore; title: string }) {
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [history, setHistory] = useState<CaptureItem | null>(null);
  const [moving, setMoving] = useState<CaptureItem | null>(null);
  const announce = useAnnounce();
  const lastEditAt = useRef(0);
  const deletedAt = useRef(0);

  useEffect(() => onEncuentroEvent((name, payload) => {
    if (name === 'encuentro.contribution') {
      const event = payload as { contribution: Parameters<CaptureStore['applyEvent']>[0]; action: Parameters<CaptureStore['applyEvent']>[1] };
      store.applyEvent(event.contribution, event.action);
    }
  }), [store]);

  // Leaving the screen (another route, another practice) saves at once what is pending.
  useEffect(() => () => store.flush(), [store]);

  // The first empty line of the matrix takes focus: the moderator can type straight away.
  const focused = useRef(false);
  useEffect(() => {
    if (!snapshot.loaded || focused.current) return;
    focused.current = true;
    const first = cellKey('limitantes', 'ugel');
    focusItem(snapshot.ghosts[first]!);
  }, [snapshot.loaded, snapshot.ghosts]);

  const position = (key: string): { blockIndex: number; levelIndex: number; index: number; list: string[] } | null => {
    for (let b = 0; b < BLOCK_COUNT; b++) {
      const block = CONTRIBUTION_BLOCKS[b]!;
      const levels = LEVELS_BY_BLOCK[block];
      for (let l = 0; l < levels.length; l++) {
        const ck = cellKey(block, levels[l]!);
        const list = [...(snapshot.cells[ck] ?? []).map((i) => i.key), snapshot.ghosts[ck]!];
        const index = list.indexOf(key);
        if (index >= 0) return { blockIndex: b, levelIndex: l, index, list };
      }
    }
    return null;
  };

  const ghostOf = (blockIndex: number, levelIndex: number) => {
    const block = CONTRIBUTION_BLOCKS[(blockIndex + BLOCK_COUNT) % BLOCK_COUNT]!;
    const level = LEVELS_BY_BLOCK[block][(levelIndex + LEVEL_COUNT) % LEVEL_COUNT]!;
    return snapshot.ghosts[cellKey(block, level)]!;
  };

  const remove = async (item: CaptureItem, focusAfter: string | null) => {
    deletedAt.current = tick();
    if (focusAfter) focusItem(focusAfter);
    await store.remove(item.key);
  };

  const undo = async () => {
    const restored = await store.undoDelete();
    if (restored) focusItem(restored.key);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>, key: string) => {
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    const where = position(key);
    if (!where) return;
    const { blockIndex, levelIndex, index, list } = where;
    const el = event.currentTarget;
    const item = Object.values(snapshot.cells).flat().find((i) => i.key === key) ?? null;

    if (event.altKey && !event.ctrlKey && !event.metaKey) {
      const moves: Record<string, () => string> = {
        ArrowDown: () => (levelIndex === LEVEL_COUNT - 1 ? ghostOf(blockIndex + 1, 0) : ghostOf(blockIndex, levelIndex + 1)),
        ArrowUp: () => (levelIndex === 0 ? ghostOf(blockIndex - 1, LEVEL_COUNT - 1) : ghostOf(blockIndex, levelIndex - 1)),
        ArrowRight: () => ghostOf(blockIndex + 1, levelIndex),
        ArrowLeft: () => ghostOf(blockIndex - 1, levelIndex),
      };
      const move = moves[event.key];
      if (move) {
        event.preventDefault();
        focusItem(move());
        return;
      }
      if (event.key.toLowerCase() === 'h' && item?.id) {
        event.preventDefault();
        setHistory(item);
        return;
      }
      if (event.key.toLowerCase() === 'm' && item && item.text.trim() !== '') {
        event.preventDefault();
        setMoving(item);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey) {
      event.preventDefault();
      if (!item || item.text.trim() === '') return;
      store.flush(key);
      focusItem(store.insertDraftAfter(key));
      return;
    }
    if (event.key === 'Delete' && event.ctrlKey && item) {
      event.preventDefault();
      void remove(item, list[index + 1] ?? list[index - 1] ?? null);
      return;
    }
    if (event.key === 'Backspace' && item && el.value === '' && index > 0) {
      event.preventDefault();
      void remove(item, list[index - 1]!);
      return;
    }
    if (event.key === 'z' && (event.ctrlKey || event.metaKey) && !event.shiftKey && snapshot.lastDeleted && deletedAt.current > lastEditAt.current) {
      event.preventDefault();
      void undo();
      return;
    }
    // The line's own undo: a whole edit (what was typed without a pause) per press, not a
    // character as the browser's undo of a React-controlled textarea does.
    const pressed = event.key.toLowerCase();
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (pressed === 'z' || pressed === 'y')) {
      const redo = pressed === 'y' || event.shiftKey;
      event.preventDefault();
      if (redo ? store.redoEdit(key) : store.undoEdit(key)) lastEditAt.current = tick();
      return;
    }
    // ↑ on the line's first visual line (a long item wraps) goes to the previous item, ↓ on its last to the next.
    const plainArrow = !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
    if (plainArrow && event.key === 'ArrowUp' && index > 0 && caretLine(el).first) {
      event.preventDefault();
      focusItem(list[index - 1]!);
      return;
    }
    if (plainArrow && event.key === 'ArrowDown' && index < list.length - 1 && caretLine(el).last) {
      event.preventDefault();
      focusItem(list[index + 1]!);
      return;
    }
    if (event.key.length === 1 || event.key === 'Backspace' || event.key === 'Delete' || event.key === 'Dead') lastEditAt.current = tick();
  };

  const counts = store.counts();
  const pending = counts.saving + counts.retrying + counts.error + counts.conflict;

  return (
    <div className="capture">
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
      {snapshot.loaded && (
        <div className="capture-blocks">
          {CONTRIBUTION_BLOCKS.map((block, b) => (
            <section key={block} className="capture-block" aria-labelledby={`block-${block}`}>
              <h3 id={`block-${block}`}>
                <span className="block-number">{b + 1}</span> {blockLabel(block)}
              </h3>
              {LEVELS_BY_BLOCK[block].map((level) => {
                const ck = cellKey(block, level);
                const items = snapshot.cells[ck] ?? [];
                const ghost = snapshot.ghosts[ck]!;
                const heading = block === 'limitantes' || block === 'favorables' ? levelFromLabel(level) : levelLabel(level);
                return (
                  <div key={level} className="capture-cell">
                    <h4 id={`cell-${ck}`}>{heading}</h4>
                    <ul className="capture-list" aria-labelledby={`cell-${ck}`}>
                      {/* One flat keyed list: the ghost line keeps its DOM node (and focus) when it becomes an item. */}
                      {[...items, null].map((item, i) => (
                        <ItemEditor
                          key={item ? item.key : ghost}
                          store={store}
                          itemKey={item ? item.key : ghost}
                          item={item}
                          kept={item !== null && (snapshot.journaledRevision[item.key] ?? -1) >= item.revision}
                          block={block}
                          level={level}
                          label={
                            item
                              ? t('encuentroUi.capture.itemLabel', { n: i + 1, level: levelLabel(level), block: blockShortLabel(block) })
                              : t('encuentroUi.capture.newLabel', { level: levelLabel(level), block: blockShortLabel(block) })
                          }
                          onKeyDown={onKeyDown}
                          {...(item ? { onHistory: setHistory, onMove: setMoving, onDelete: (it: CaptureItem) => void remove(it, null) } : {})}
                        />
                      ))}
                    </ul>
                  </div>
                );
              })}
            </section>
          ))}
        </div>
      )}
      {snapshot.lastDeleted && (
        <UndoBar
          message={t('encuentroUi.capture.deleted', { text: short(snapshot.lastDeleted.text) })}
          onUndo={() => void undo()}
        />
      )}
      {moving && (
        <MoveDialog
          item={moving}
          onClose={() => {
            const key = moving.key;
            setMoving(null);
            // After the dialog has closed: closing a modal dialog puts the focus back where it was opened.
            window.requestAnimationFrame(() => focusItem(key));
          }}
          onMove={async (block, level) => {
            const moved = await store.moveTo(moving.key, block, level);
            if (moved) announce(t('encuentroUi.capture.moved', { cell: `${blockShortLabel(block)} — ${levelLabel(level)}` }));
            return moved;
          }}
        />
      )}
      {history && history.id !== null && (
        <HistoryDialog
          contributionId={history.id}
          currentText={history.text}
          onClose={() => setHistory(null)}
          onRestored={(c) => store.replaceFromServer(c)}
        />
      )}
    </div>
  );
}

/**
 * Save what is pending when the page is hidden. In a plain browser (served from a hub), ask before
 * closing while lines have not reached the hub: the local journal keeps them on this laptop and
 * the next page sends them, but only if this browser opens the app again. Electron asks nothing:
 * its service is in the same app, so the journal is replayed at the next start (App.tsx).
 */
export function installUnloadGuard(): () => void {
  const onHide = () => flushAll();
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    flushAll();
    if (!window.bpge && unsavedCount() > 0) event.preventDefault();
  };
  const onHash = () => flushAll();
  window.addEventListener('pagehide', onHide);
  window.addEventListener('beforeunload', onBeforeUnload);
  window.addEventListener('hashchange', onHash);
  document.addEventListener('visibilitychange', onHide);
  return () => {
    window.removeEventListener('pagehide', onHide);
    window.removeEventListener('beforeunload', onBeforeUnload);
    window.removeEventListener('hashchange', onHash);
    document.removeEventListener('visibilitychange', onHide);
  };
}
