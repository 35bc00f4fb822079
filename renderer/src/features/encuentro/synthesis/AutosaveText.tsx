import { useEffect, useRef, useState } from 'react';
import { t } from '../../../../../shared/i18n';
import { ApiError } from '../../../api/client';
import { SAVE_DELAY_MS } from '../capture/capture-saves';
import { ConflictNotice, type ConflictChoice } from '../ConflictNotice';

type State = 'saved' | 'saving' | 'retrying' | 'error' | 'conflict';

/** What the save was typed on (see the contract's saveBase): the stored revision this screen had, and this screen. */
export interface SaveBase {
  baseRevision: number;
  editor: string;
}

/** What a save answers: whether it applied, the item's revision and text as now stored, and whether it met another screen's save (a conflict). */
export interface SaveResult {
  applied: boolean;
  revision: number;
  text: string;
  conflict: boolean;
}

/** A synthesis or summary updateItem's answer as AutosaveText reads it. */
export const saveResult = (answer: { applied: boolean; item: { revision: number; text: string }; conflict?: unknown }): SaveResult => ({
  applied: answer.applied,
  revision: answer.item.revision,
  text: answer.item.text,
  conflict: answer.conflict !== undefined,
});

interface AutosaveTextProps {
  /** The textarea's id, for a screen that moves the focus into it. */
  id?: string;
  label: string;
  text: string;
  revision: number;
  disabled?: boolean;
  save(text: string, revision: number, base: SaveBase): Promise<SaveResult>;
}

function screenToken(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

/**
 * A synthesis or summary item's wording, saved as it is typed with the same rules as the
 * moderator's capture: client revisions, one save in flight, "guardado" only when the answer
 * for the latest revision is back, retries until it gets through, nothing saved mid-composition.
 */
export function AutosaveText({ id, label, text, revision, disabled = false, save }: AutosaveTextProps) {
  const [value, setValue] = useState(text);
  const [state, setState] = useState<State>('saved');
  const local = useRef({ revision, acked: revision, inFlight: false, composing: false, timer: 0, attempt: 0, text });
  // This screen, for the server to tell its own earlier saves from another screen's.
  const [editor] = useState(screenToken);
  /** Another screen saved this item while this one typed on the older text: shown until the user chooses. */
  const [conflict, setConflict] = useState<{ theirs: string; theirsRevision: number } | null>(null);
  // The same, for the save loop (set together with the state).
  const conflictRef = useRef(conflict);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });

  // Someone else changed it (another screen): take it unless this one has unsaved typing.
  useEffect(() => {
    const l = local.current;
    const open = conflictRef.current;
    if (open && revision > open.theirsRevision) {
      conflictRef.current = { theirs: text, theirsRevision: revision };
      setConflict(conflictRef.current);
    }
    else if (revision > l.revision && l.acked >= l.revision && !l.inFlight && !open) {
      l.revision = revision;
      l.acked = revision;
      l.text = text;
      setValue(text);
    }
  }, [text, revision]);

  useEffect(() => () => window.clearTimeout(local.current.timer), []);

  const send = async () => {
    const l = local.current;
    if (l.inFlight || l.composing || l.acked >= l.revision || conflictRef.current) return;
    l.inFlight = true;
    const sent = { text: l.text, revision: l.revision };
    try {
      const result = await saveRef.current(sent.text, sent.revision, { baseRevision: l.acked, editor });
      l.inFlight = false;
      l.attempt = 0;
      if (result.conflict) {
        // Kept on the server beside the stored text; nothing more is sent until the user chooses.
        const found = { theirs: result.text, theirsRevision: result.revision };
        conflictRef.current = found;
        setConflict(found);
        setState('conflict');
        return;
      }
      if (!result.applied) {
        l.revision = Math.max(result.revision, l.revision) + 1;
        l.acked = result.text === l.text ? l.revision : result.revision;
      } else l.acked = Math.max(l.acked, sent.revision);
      if (l.acked < l.revision) schedule(SAVE_DELAY_MS);
      else setState('saved');
    } catch (error) {
      l.inFlight = false;
      const transient = !(error instanceof ApiError) || error.code === 'error.transport' || error.code === 'error.unexpected';
      setState(transient ? 'retrying' : 'error');
      l.attempt += 1;
      if (transient) schedule(Math.min(3000, 400 * 2 ** (l.attempt - 1)));
    }
  };

  const schedule = (delay: number) => {
    const l = local.current;
    if (l.timer && delay > 0) return;
    window.clearTimeout(l.timer);
    l.timer = window.setTimeout(() => {
      l.timer = 0;
      void send();
    }, delay);
  };

  const change = (next: string, composing: boolean) => {
    setValue(next);
    const l = local.current;
    l.composing = composing;
    if (composing || next === l.text) return;
    l.text = next;
    l.revision += 1;
    setState('saving');
    schedule(SAVE_DELAY_MS);
  };

  /** Keep mine (saved over the stored text), take theirs, or join both in the field to edit and save. */
  const choose = (choice: ConflictChoice) => {
    const l = local.current;
    const open = conflictRef.current;
    if (!open) return;
    conflictRef.current = null;
    setConflict(null);
    if (choice === 'theirs') {
      Object.assign(l, { text: open.theirs, revision: open.theirsRevision, acked: open.theirsRevision });
      setValue(open.theirs);
      setState('saved');
      return;
    }
    const next = choice === 'both' ? `${open.theirs.trimEnd()} ${l.text.trimStart()}` : l.text;
    Object.assign(l, { text: next, acked: open.theirsRevision, revision: Math.max(l.revision, open.theirsRevision) + 1 });
    setValue(next);
    setState('saving');
    schedule(0);
  };

  return (
    <span className="autosave">
      <textarea
        className="capture-text"
        id={id}
        aria-label={label}
        value={value}
        rows={1}
        maxLength={4000}
        disabled={disabled}
        onCompositionStart={() => {
          local.current.composing = true;
        }}
        onCompositionEnd={(event) => change(event.currentTarget.value, false)}
        onChange={(event) => change(event.target.value, local.current.composing || (event.nativeEvent as InputEvent).isComposing === true)}
        onBlur={() => schedule(0)}
      />
      <span className={`enc-save enc-save-${state}`}>{state === 'conflict' ? t('who.save.conflict') : t(`encuentroUi.save.${state}`)}</span>
      {conflict && <ConflictNotice by="" theirs={conflict.theirs} mine={value} onChoose={choose} />}
    </span>
  );
}
