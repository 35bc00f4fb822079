import { describe, expect, it } from 'vitest';
import { canSee } from '../../../electron/server/event-visibility';
import { recordKindOf } from '../../../electron/services/change-scope';
import type { ServerEvent } from '../../../electron/services/events';
import { contract, type MethodName } from '../../../shared/contract';
import { RECORD_KINDS, SCOPE_KEYS, type ChangeScope, type RecordKind } from '../../../shared/domain/change-events';
import type { ENCUENTRO_EVENT_NAMES } from '../../../shared/domain/encuentro-events';
import type { Actor, SessionScope } from '../../../shared/sede/roles';

/**
 * The per-role event filter, as a table: every role × every kind of record a write can concern
 * (and every Encuentro event) × in scope, out of scope on each key, and with each key missing.
 * The expectations below are the rules of the venue written out plainly, not derived from the
 * filter's code.
 */
const IN: { [K in keyof ChangeScope]-?: number } = { editionId: 1, stageId: 2, jurorId: 3, entryId: 4, encuentroId: 5, salaId: 6, practiceId: 7 };
const OTHER: { [K in keyof ChangeScope]-?: number } = { editionId: 91, stageId: 92, jurorId: 93, entryId: 94, encuentroId: 95, salaId: 96, practiceId: 97 };

const actor = (scope: SessionScope): Actor => ({ scope, deviceId: 1, name: 'Dispositivo' });
const ACTORS = {
  organizer: actor({ role: 'organizer' }),
  juror: actor({ role: 'juror', editionId: IN.editionId, jurorId: IN.jurorId }),
  moderator: actor({ role: 'moderator', encuentroId: IN.encuentroId, salaIds: [IN.salaId] }),
  checkIn: actor({ role: 'checkIn', encuentroId: IN.encuentroId }),
  proyectorSala: actor({ role: 'projector', encuentroId: IN.encuentroId, salaId: IN.salaId, practiceId: null }),
  proyectorPractica: actor({ role: 'projector', encuentroId: IN.encuentroId, salaId: null, practiceId: IN.practiceId }),
  proyectorEncuentro: actor({ role: 'projector', encuentroId: IN.encuentroId, salaId: null, practiceId: null }),
};
type Viewer = keyof typeof ACTORS;

type Subject = RecordKind | 'ev:contribution' | 'ev:synthesis' | 'ev:summary' | 'ev:attendance';

/**
 * Per viewer, what it receives when the event is in its scope, and the scope keys that must then
 * match (present and equal); `ifPresent`: keys that, when the event has them, must match.
 */
interface Rule {
  sees: readonly Subject[];
  needs: (subject: Subject) => readonly (keyof ChangeScope)[];
  ifPresent?: (subject: Subject) => readonly (keyof ChangeScope)[];
}

const JUROR_SUBJECTS: readonly Subject[] = ['edition', 'category', 'criterion', 'stage', 'entry', 'jurySettings', 'panel', 'assignment', 'conflict', 'juror', 'sheet'];
const ENCUENTRO_CONTENT: readonly Subject[] = ['encuentro', 'narrative', 'eje', 'practice', 'encuentroPanel', 'sala', 'contribution', 'synthesisItem', 'summaryItem', 'ev:contribution', 'ev:synthesis', 'ev:summary'];

const RULES: Record<Exclude<Viewer, 'organizer'>, Rule> = {
  // Blind review: a juror's own sheets and juror record only; the edition's set-up and jury, never audit, results or the Encuentro.
  juror: {
    sees: JUROR_SUBJECTS,
    needs: (s) => (s === 'sheet' || s === 'juror' ? ['editionId', 'jurorId'] : ['editionId']),
    ifPresent: () => ['jurorId'],
  },
  // Reads the whole Encuentro (every sala), but not the attendance list.
  moderator: { sees: ENCUENTRO_CONTENT, needs: () => ['encuentroId'] },
  checkIn: { sees: ['attendee', 'ev:attendance'], needs: () => ['encuentroId'] },
  proyectorSala: {
    sees: ['encuentro', 'sala', 'contribution', 'synthesisItem', 'ev:contribution', 'ev:synthesis'],
    needs: (s) => (s === 'encuentro' ? ['encuentroId'] : ['encuentroId', 'salaId']),
  },
  proyectorPractica: {
    sees: ['encuentro', 'practice', 'contribution', 'ev:contribution'],
    needs: (s) => (s === 'encuentro' ? ['encuentroId'] : ['encuentroId', 'practiceId']),
  },
  proyectorEncuentro: {
    sees: ['encuentro', 'contribution', 'synthesisItem', 'summaryItem', 'ev:contribution', 'ev:synthesis', 'ev:summary'],
    needs: () => ['encuentroId'],
  },
};

function eventOf(subject: Subject, scope: ChangeScope): ServerEvent {
  if (subject.startsWith('ev:')) {
    const name = `encuentro.${subject.slice(3)}` as (typeof ENCUENTRO_EVENT_NAMES)[number];
    // The Encuentro events carry only Encuentro keys; the record itself is irrelevant to the filter.
    const { encuentroId, salaId, practiceId } = scope;
    return { name, payload: { encuentroId, salaId, practiceId, action: 'updated' } } as unknown as ServerEvent;
  }
  return { name: 'data.changed', payload: { method: 'x', backup: false, records: { kind: subject as RecordKind, ids: [1] }, scope } };
}

const SUBJECTS: readonly Subject[] = [...RECORD_KINDS, 'ev:contribution', 'ev:synthesis', 'ev:summary', 'ev:attendance'];
/** The keys each Encuentro event can carry (an attendance event names no sala). */
const EVENT_KEYS: Record<string, readonly (keyof ChangeScope)[]> = {
  'ev:contribution': ['encuentroId', 'salaId', 'practiceId'],
  'ev:synthesis': ['encuentroId', 'salaId'],
  'ev:summary': ['encuentroId'],
  'ev:attendance': ['encuentroId'],
};
const keysOf = (subject: Subject) => EVENT_KEYS[subject] ?? SCOPE_KEYS;

function fullScope(subject: Subject): ChangeScope {
  return Object.fromEntries(keysOf(subject).map((k) => [k, IN[k]]));
}

interface Case {
  viewer: Viewer;
  subject: Subject;
  variant: string;
  scope: ChangeScope;
  expected: boolean;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const viewer of Object.keys(ACTORS) as Viewer[]) {
    for (const subject of SUBJECTS) {
      const full = fullScope(subject);
      if (viewer === 'organizer') {
        out.push({ viewer, subject, variant: 'in', scope: full, expected: true }, { viewer, subject, variant: 'empty', scope: {}, expected: true });
        continue;
      }
      const rule = RULES[viewer];
      const seen = rule.sees.includes(subject);
      const needs = rule.needs(subject);
      const ifPresent = rule.ifPresent?.(subject) ?? [];
      out.push({ viewer, subject, variant: 'in', scope: full, expected: seen });
      for (const key of keysOf(subject)) {
        const matters = needs.includes(key) || ifPresent.includes(key);
        out.push({ viewer, subject, variant: `${key} de otro`, scope: { ...full, [key]: OTHER[key] }, expected: seen && !matters });
        const { [key]: _dropped, ...missing } = full;
        out.push({ viewer, subject, variant: `sin ${key}`, scope: missing, expected: seen && !needs.includes(key) });
      }
    }
  }
  return out;
}

describe('which venue device receives which event', () => {
  const table = cases();

  it('covers every role, every record kind and every Encuentro event', () => {
    expect(new Set(table.map((c) => c.viewer)).size).toBe(Object.keys(ACTORS).length);
    expect(new Set(table.map((c) => c.subject))).toEqual(new Set(SUBJECTS));
    expect(table.filter((c) => c.expected && c.viewer !== 'organizer').length).toBeGreaterThan(50);
  });

  it.each(table.map((c) => [c.viewer, c.subject, c.variant, c] as const))('%s · %s · %s', (_viewer, _subject, _variant, c) => {
    expect(canSee(ACTORS[c.viewer], eventOf(c.subject, c.scope))).toBe(c.expected);
  });

  it('a contribution with no sala reaches the whole-Encuentro projector but not a sala projector', () => {
    const event = eventOf('contribution', { encuentroId: IN.encuentroId, salaId: null, practiceId: IN.practiceId });
    expect(canSee(ACTORS.proyectorSala, event)).toBe(false);
    expect(canSee(ACTORS.proyectorEncuentro, event)).toBe(true);
    expect(canSee(ACTORS.moderator, event)).toBe(true);
  });

  it('an event without records, of an unknown name, or a restore reaches only the organizer (fail closed)', () => {
    const bare: ServerEvent = { name: 'data.changed', payload: { method: 'backups.restore', backup: false, records: null, scope: {} } };
    const unknown = { name: 'otro.evento', payload: { encuentroId: IN.encuentroId } } as unknown as ServerEvent;
    const legacy = { name: 'data.changed', payload: { method: 'encuentro.contributions.updateText', backup: false } } as unknown as ServerEvent;
    for (const viewer of Object.keys(ACTORS) as Viewer[]) {
      for (const event of [bare, unknown, legacy]) expect(canSee(ACTORS[viewer], event)).toBe(viewer === 'organizer');
    }
  });

  it('every write method of the contract names the kind of record it changes', () => {
    const unnamed = (Object.keys(contract) as MethodName[]).filter((m) => contract[m].kind === 'write' && recordKindOf(m) === null);
    expect(unnamed).toEqual([]);
  });
});
