import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { CONTRIBUTION_BLOCKS, LEVELS_BY_BLOCK, blockLabel, blockShortLabel, levelLabel } from '../../../../../shared/domain/encuentro-matrix';
import { t } from '../../../../../shared/i18n';
import { useAnnounce } from '../../../app/announcer';
import { onEncuentroEvent } from '../events';
import { cellKey, type CaptureItem } from './capture-items';
import type { CaptureStore } from './capture-store';
import { CaptureCell } from './CaptureCell';
import { CaptureNotices, SaveSummary, ShortcutsHelp } from './CaptureStatus';
import { focusItem } from './focus-item';
import { HistoryDialog } from './HistoryDialog';
import { short } from './ItemEditor';
import { MoveDialog } from './MoveDialog';
import { UndoBar } from './UndoBar';
import { useCaptureKeys } from './useCaptureKeys';

/** One practice's matrix in one sala: the four blocks to fill from the keyboard, and their dialogs. */
export function CaptureMatrix({ store, title }: { store: CaptureStore; title: string }) {
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [history, setHistory] = useState<CaptureItem | null>(null);
  const [moving, setMoving] = useState<CaptureItem | null>(null);
  const announce = useAnnounce();
  const { onKeyDown, remove, undo } = useCaptureKeys(store, snapshot, { history: setHistory, move: setMoving });

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
    const first = cellKey('limiting', 'ugel');
    focusItem(snapshot.ghosts[first]!);
  }, [snapshot.loaded, snapshot.ghosts]);

  return (
    <div className="capture">
      <SaveSummary title={title} counts={store.counts()} />
      <ShortcutsHelp />
      <CaptureNotices store={store} snapshot={snapshot} />
      {snapshot.loaded && (
        <div className="capture-blocks">
          {CONTRIBUTION_BLOCKS.map((block, b) => (
            <section key={block} className="capture-block" aria-labelledby={`block-${block}`}>
              <h3 id={`block-${block}`}>
                <span className="block-number">{b + 1}</span> {blockLabel(block)}
              </h3>
              {LEVELS_BY_BLOCK[block].map((level) => (
                <CaptureCell
                  key={level}
                  store={store}
                  snapshot={snapshot}
                  block={block}
                  level={level}
                  onKeyDown={onKeyDown}
                  onHistory={setHistory}
                  onMove={setMoving}
                  onDelete={(it) => void remove(it, null)}
                />
              ))}
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
