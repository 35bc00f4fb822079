import { useRef, type KeyboardEvent } from 'react';
import type { ContributionBlock, ContributionLevel } from '../../../../../shared/domain/encuentro-matrix';
import { t } from '../../../../../shared/i18n';
import { ConflictNotice } from '../ConflictNotice';
import { saveStateOf, type CaptureItem, type SaveState } from './capture-items';
import type { CaptureStore } from './capture-store';

interface ItemEditorProps {
  store: CaptureStore;
  itemKey: string;
  item: CaptureItem | null;
  /** The local journal holds this item's latest text on disk (it survives a browser crash). */
  kept: boolean;
  block: ContributionBlock;
  level: ContributionLevel;
  label: string;
  onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>, key: string): void;
  onHistory?: (item: CaptureItem) => void;
  onMove?: (item: CaptureItem) => void;
  onDelete?: (item: CaptureItem) => void;
}

const STATE_LABEL: Record<
  Exclude<SaveState, 'empty'>,
  'encuentroUi.save.saved' | 'encuentroUi.save.saving' | 'encuentroUi.save.retrying' | 'encuentroUi.save.error' | 'who.save.conflict'
> = {
  conflict: 'who.save.conflict',
  saved: 'encuentroUi.save.saved',
  saving: 'encuentroUi.save.saving',
  retrying: 'encuentroUi.save.retrying',
  error: 'encuentroUi.save.error',
};

/**
 * One contribution's line. The textarea is controlled, but while an IME or a dead key is
 * composing, the text is only mirrored (never saved, never reformatted): the character being
 * built is committed at compositionend, and saved from there.
 */
export function ItemEditor({ store, itemKey, item, kept, block, level, label, onKeyDown, onHistory, onMove, onDelete }: ItemEditorProps) {
  const composing = useRef(false);
  const state = item ? saveStateOf(item) : 'empty';
  const stateId = `${itemKey}-state`;
  const showKept = kept && (state === 'saving' || state === 'retrying' || state === 'error' || state === 'conflict');
  return (
    <li className={`capture-item${item ? '' : ' capture-ghost'}`} data-save-state={state} data-kept={showKept ? 'yes' : undefined}>
      <textarea
        className="capture-text"
        data-item-key={itemKey}
        aria-label={label}
        aria-describedby={state !== 'empty' ? stateId : undefined}
        rows={1}
        maxLength={4000}
        value={item?.text ?? ''}
        placeholder={item ? undefined : t('encuentroUi.capture.ghostPlaceholder')}
        spellCheck
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(event) => {
          composing.current = false;
          store.setText(itemKey, block, level, event.currentTarget.value, false);
        }}
        onChange={(event) => {
          const nativeComposing = (event.nativeEvent as InputEvent).isComposing === true;
          store.setText(itemKey, block, level, event.target.value, composing.current || nativeComposing);
        }}
        onFocus={() => store.beginEdit(itemKey)}
        onBlur={() => {
          store.flush(itemKey);
          store.leave(itemKey);
        }}
        onKeyDown={(event) => onKeyDown(event, itemKey)}
      />
      {item?.conflict && (
        <ConflictNotice by={item.conflict.by} theirs={item.conflict.theirs} mine={item.text} onChoose={(choice) => store.resolveConflict(itemKey, choice)} />
      )}
      {item && state !== 'empty' && (
        <span className="capture-meta">
          <span id={stateId} className={`enc-save enc-save-${state}`} data-testid="save-state">
            {t(STATE_LABEL[state])}
            {item.error ? `: ${item.error}` : ''}
            {showKept ? ` · ${t('encuentroUi.save.kept')}` : ''}
          </span>
          {(state === 'retrying' || state === 'error') && (
            <button type="button" className="link-button" onClick={() => store.retry(itemKey)}>
              {t('encuentroUi.save.retryNow')}
            </button>
          )}
          {item.id !== null && onHistory && (
            <button type="button" className="link-button" tabIndex={-1} onClick={() => onHistory(item)} aria-label={t('encuentroUi.capture.historyOf', { text: short(item.text) })}>
              {t('encuentroUi.capture.history')}
            </button>
          )}
          {onMove && (
            <button type="button" className="link-button" tabIndex={-1} onClick={() => onMove(item)} aria-label={t('encuentroUi.capture.moveOf', { text: short(item.text) })}>
              {t('encuentroUi.capture.move')}
            </button>
          )}
          {onDelete && (
            <button type="button" className="link-button danger-link" tabIndex={-1} onClick={() => onDelete(item)} aria-label={t('encuentroUi.capture.deleteOf', { text: short(item.text) })}>
              {t('common.delete')}
            </button>
          )}
        </span>
      )}
    </li>
  );
}

export function short(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
