import type { DataChanged, RecordKind } from '../../shared/domain/change-events';
import type { EncuentroEvents } from '../../shared/domain/encuentro-events';
import type { Actor, ScopeOf } from '../../shared/sede/roles';
import type { ServerEvent } from '../services/events';

/**
 * Whether a pushed event may reach a session: the organizer sees everything; another role only
 * what its scope covers (a juror in blind review never another juror's scores, a projector only
 * its sala). Decided from the event's own fields, so no query runs per event and per device. An
 * event that lacks a field the decision needs is not delivered (fail closed): a screen that
 * misses an event is stale until its next read, a leaked one cannot be taken back.
 */
export function canSee(actor: Actor, event: ServerEvent): boolean {
  const scope = actor.scope;
  const subject = subjectOf(event);
  if (scope.role === 'organizer') return true;
  if (!subject) return false;
  switch (scope.role) {
    case 'juror':
      return jurorSees(scope, subject);
    case 'moderator':
      return subject.part !== 'attendance' && subject.part !== null && subject.encuentroId === scope.encuentroId;
    case 'checkIn':
      return subject.part === 'attendance' && subject.encuentroId === scope.encuentroId;
    case 'projector':
      return projectorSees(scope, subject);
  }
}

/** What an event is about, in the terms the rules use. */
interface Subject {
  kind: RecordKind | null;
  /** The Encuentro part the event concerns; null for an event outside the Encuentro. */
  part: EncuentroPart | null;
  editionId?: number;
  jurorId?: number;
  encuentroId?: number;
  salaId?: number | null;
  practiceId?: number;
}

type EncuentroPart = 'setup' | 'contribution' | 'synthesis' | 'summary' | 'attendance';

const PART_OF_KIND: Partial<Record<RecordKind, EncuentroPart>> = {
  encuentro: 'setup',
  narrative: 'setup',
  eje: 'setup',
  practice: 'setup',
  encuentroPanel: 'setup',
  sala: 'setup',
  contribution: 'contribution',
  synthesisItem: 'synthesis',
  summaryItem: 'summary',
  attendee: 'attendance',
};

const PART_OF_EVENT: Record<keyof EncuentroEvents, EncuentroPart> = {
  'encuentro.contribution': 'contribution',
  'encuentro.synthesis': 'synthesis',
  'encuentro.summary': 'summary',
  'encuentro.attendance': 'attendance',
};

function subjectOf(event: ServerEvent): Subject | null {
  if (event.name === 'data.changed') {
    const payload = event.payload as DataChanged;
    const kind = payload.records?.kind ?? null;
    if (!kind || !payload.scope) return null;
    return { kind, part: PART_OF_KIND[kind] ?? null, ...payload.scope };
  }
  const part = PART_OF_EVENT[event.name as keyof EncuentroEvents] as EncuentroPart | undefined;
  if (!part) return null;
  const payload = event.payload as { encuentroId?: number; salaId?: number | null; practiceId?: number };
  return { kind: null, part, encuentroId: payload.encuentroId, salaId: payload.salaId, practiceId: payload.practiceId };
}

/** Kinds a juror hears about within its edition when they name no other juror. */
const JUROR_EDITION_KINDS: ReadonlySet<RecordKind> = new Set<RecordKind>(['edition', 'category', 'criterion', 'stage', 'entry', 'jurySettings', 'panel', 'assignment', 'conflict']);

/**
 * A juror: the configuration and the jury of its own edition, and its own sheets only. Never
 * another juror's record (blind review: whose sheet changed is itself a hint), never the audit
 * trail nor results decisions, nothing of the Encuentro.
 */
function jurorSees(scope: ScopeOf<'juror'>, subject: Subject): boolean {
  if (subject.editionId !== scope.editionId) return false;
  if (subject.kind === 'sheet' || subject.kind === 'juror') return subject.jurorId === scope.jurorId;
  if (!subject.kind || !JUROR_EDITION_KINDS.has(subject.kind)) return false;
  return subject.jurorId === undefined || subject.jurorId === scope.jurorId;
}

/**
 * A projector shows one sala (salaId) or one practice (practiceId) of one Encuentro: its
 * contributions, the sala's synthesis, and the set-up records it names (title, the sala, the
 * practice). Never attendance. A null binding covers the whole Encuentro on that axis.
 */
function projectorSees(scope: ScopeOf<'projector'>, subject: Subject): boolean {
  if (subject.encuentroId !== scope.encuentroId) return false;
  const inSala = scope.salaId === null || subject.salaId === scope.salaId;
  const inPractice = scope.practiceId === null || subject.practiceId === scope.practiceId;
  switch (subject.part) {
    case 'contribution':
      return inSala && inPractice;
    case 'synthesis':
      return scope.practiceId === null && inSala;
    case 'summary':
      return scope.salaId === null && scope.practiceId === null;
    case 'setup':
      if (subject.kind === 'encuentro') return true;
      if (subject.kind === 'sala') return scope.salaId !== null && subject.salaId === scope.salaId;
      if (subject.kind === 'practice') return scope.practiceId !== null && subject.practiceId === scope.practiceId;
      return false;
    default:
      return false;
  }
}
