import type { Contribution, ContributionSave } from '../../../../../shared/domain/encuentro-types';
import { saveStateOf, type CaptureItem } from './capture-items';

/**
 * Edits that meet another screen's, as pure functions. A text change is sent with the stored
 * revision it was typed on (its base) and the screen that typed it (its editor): the server tells
 * this screen's own earlier saves (answers lost, retried) from another screen's later one, which
 * makes this save a conflict, kept in the history and shown until the moderator chooses.
 */

export interface SentBase {
  baseRevision: number;
  editor: string;
}

/**
 * The base a text change of a created line is sent with. A line from an earlier page's journal
 * carries the base it was typed on there, if the journal says (else none: the revision rule alone
 * decides); any other line is typed on what the server last acknowledged to this screen.
 */
export function sentBase(item: CaptureItem, editor: string): SentBase | null {
  if (item.recovered) return item.recoveredBase ?? null;
  return { baseRevision: item.ackedRevision, editor };
}

/**
 * What the answer to a text save does to the line, now `current` (undefined: deleted meanwhile):
 * - 'conflict': another screen's text came first; the line waits for the moderator's choice.
 * - 'overtaken': a line from an earlier page's journal, stored later meanwhile: the later text stays.
 * - 'rebase': someone stored a later revision: ours goes on top of it, so what this moderator sees wins.
 * - 'saved': the server has this revision.
 */
export type SaveOutcome =
  | { kind: 'conflict'; patch: Partial<CaptureItem> }
  | { kind: 'overtaken'; patch: Partial<CaptureItem> }
  | { kind: 'rebase'; patch: Partial<CaptureItem> }
  | { kind: 'saved'; patch: Partial<CaptureItem> };

export function saveOutcome(sent: { item: CaptureItem; revision: number; base: SentBase | null }, current: CaptureItem | undefined, saved: ContributionSave): SaveOutcome {
  const c = saved.contribution;
  if (saved.conflict && current) {
    // Never typed over silently: both texts stay (the server kept ours in the history) until the moderator chooses.
    // Later saves keep the base this text was typed on (they are kept too, until the moderator chooses).
    return {
      kind: 'conflict',
      patch: {
        inFlight: false,
        failed: false,
        error: null,
        recovered: false,
        recoveredBase: null,
        ackedRevision: sent.base?.baseRevision ?? sent.item.ackedRevision,
        conflict: { theirs: c.text, theirsRevision: c.revision, by: saved.conflict.by, keptRevision: sent.revision },
      },
    };
  }
  if (!saved.applied && current?.recovered && current.revision === sent.revision) {
    return { kind: 'overtaken', patch: { text: c.text, revision: c.revision, ackedRevision: c.revision } };
  }
  if (!saved.applied && current) {
    const newer = Math.max(c.revision, current.revision) + 1;
    return { kind: 'rebase', patch: { inFlight: false, failed: false, revision: newer, ackedRevision: current.text === c.text ? newer : c.revision } };
  }
  return { kind: 'saved', patch: { ackedRevision: sent.revision } };
}

/**
 * The moderator's choice after a conflict: 'mine' saves their text over the stored one, 'theirs'
 * takes the stored text, 'both' puts the stored text and theirs in the line to edit and save.
 * Answers the change to the line and whether it is to be sent (null: no conflict to resolve).
 */
export function resolution(item: CaptureItem, choice: 'mine' | 'theirs' | 'both'): { patch: Partial<CaptureItem>; send: boolean } | null {
  const conflict = item.conflict;
  if (!conflict) return null;
  if (choice === 'theirs') {
    return { patch: { conflict: null, text: conflict.theirs, revision: conflict.theirsRevision, ackedRevision: conflict.theirsRevision, failed: false, error: null }, send: false };
  }
  const text = choice === 'both' ? `${conflict.theirs.trimEnd()} ${item.text.trimStart()}` : item.text;
  // Typed on the stored revision now: the next save goes on top of it (unless it changes again).
  return { patch: { conflict: null, text, ackedRevision: conflict.theirsRevision, revision: Math.max(item.revision, conflict.theirsRevision) + 1, failed: false, error: null }, send: true };
}

/** What a pushed event from another screen does to this one. */
export type PushedEffect =
  | { kind: 'ignore' }
  /** A saved line deleted elsewhere leaves (one with unsaved text here stays). */
  | { kind: 'remove'; key: string }
  /** A line this screen does not know yet: perhaps its own create, whose answer is still on the way. */
  | { kind: 'hold' }
  /** Refiled elsewhere under another block or level: the practice is read again. */
  | { kind: 'reload' }
  | { kind: 'patch'; key: string; patch: Partial<CaptureItem> };

/**
 * The effect of another screen's change `c` (`action`) on the line this screen knows by its id
 * (`known`). A saved line takes a later text; a line in conflict shows the other screen's latest
 * text in its notice (it keeps typing).
 */
export function pushedEffect(known: CaptureItem | undefined, c: Contribution, action: 'created' | 'updated' | 'moved' | 'deleted' | 'restored'): PushedEffect {
  if (action === 'deleted') return known && saveStateOf(known) === 'saved' ? { kind: 'remove', key: known.key } : { kind: 'ignore' };
  if (!known) return { kind: 'hold' };
  if (action === 'moved' && (known.block !== c.block || known.level !== c.level)) return { kind: 'reload' };
  if (saveStateOf(known) === 'saved' && c.revision > known.revision) return { kind: 'patch', key: known.key, patch: { text: c.text, revision: c.revision, ackedRevision: c.revision, position: c.position } };
  if (known.conflict && c.revision > known.conflict.theirsRevision) return { kind: 'patch', key: known.key, patch: { conflict: { ...known.conflict, theirs: c.text, theirsRevision: c.revision } } };
  return { kind: 'ignore' };
}
