import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOLVERS } from '../../../electron/services/access/resolvers';
import { contract, type MethodName } from '../../../shared/contract';
import type { Grant, Target } from '../../../shared/contract/define';
import type { SessionScope } from '../../../shared/sede/roles';
import type { SedeDevice, SedeReply } from '../../support/sede-session';
import { openVenue, type Venue, type World } from './world';

/*
 * Every contract method × every role, in and out of the session's scope, through the HTTP
 * transport. The expectations come from the contract's own declarations: a role with no grant
 * is refused everything; a role with a grant is allowed its own records ('home') and refused
 * another juror's, edition's, Encuentro's, a missing record or a value its grant excludes; a
 * moderator's grant `within: 'encuentro'` also allows the other salas of its Encuentro.
 * «Allowed» means not refused by authorization: the call may still fail validation or a
 * business rule (the inputs here name records, not complete requests).
 */

/** home: inside the session's scope; otherSala: same Encuentro, not the session's sala; away: refused whatever the grant. */
type Kind = 'home' | 'otherSala' | 'away';
interface Case {
  kind: Kind;
  label: string;
  input: Record<string, unknown>;
}
type Factory = (w: World, scope: SessionScope, field: string) => Case[];

const MISSING = 999_999;
const home = (label: string, input: Record<string, unknown>): Case => ({ kind: 'home', label, input });
const otherSala = (label: string, input: Record<string, unknown>): Case => ({ kind: 'otherSala', label, input });
const away = (label: string, input: Record<string, unknown>): Case => ({ kind: 'away', label, input });

/** Whether a session is bound to this sala (a moderator's salas, a sala projector's sala). */
function holdsSala(scope: SessionScope, salaId: number): boolean {
  if (scope.role === 'moderator') return scope.salaIds.includes(salaId);
  if (scope.role === 'projector') return scope.practiceId === null && scope.salaId === salaId;
  return true;
}

const mine = (scope: SessionScope, salaId: number, label: string, input: Record<string, unknown>): Case =>
  holdsSala(scope, salaId) ? home(label, input) : otherSala(label, input);

const salaCases = (w: World, s: SessionScope, f: string): Case[] => [
  mine(s, w.sala.x1, 'its sala', { [f]: w.sala.x1 }),
  otherSala('another sala', { [f]: w.sala.x2 }),
  away('another Encuentro', { [f]: w.sala.y1 }),
  away('missing', { [f]: MISSING }),
];

/** Per target, the records a call may name, in and out of the session's scope. */
const FACTORIES: { readonly [T in Target]: Factory } = {
  none: () => [home('no record', {})],
  edition: (w, _s, f) => [home('its edition', { [f]: w.edition.a }), away('another edition', { [f]: w.edition.b }), away('missing', { [f]: MISSING })],
  jurorStage: (w, _s, f) => [
    home('its own work', { [f]: w.stage.a, jurorId: w.juror.ana }),
    away('another juror', { [f]: w.stage.a, jurorId: w.juror.beto }),
    away('another edition', { [f]: w.stage.b, jurorId: w.juror.cid }),
    away('a stage of another edition', { [f]: w.stage.b, jurorId: w.juror.ana }),
    away('missing', { [f]: MISSING, jurorId: w.juror.ana }),
  ],
  ownSheet: (w, _s, f) => [
    home('its own sheet', { [f]: w.stage.a, jurorId: w.juror.ana, entryId: w.entry.a }),
    away('another juror', { [f]: w.stage.a, jurorId: w.juror.beto, entryId: w.entry.a }),
    away('another edition', { [f]: w.stage.b, jurorId: w.juror.cid, entryId: w.entry.b }),
    away('an entry of another edition', { [f]: w.stage.a, jurorId: w.juror.ana, entryId: w.entry.b }),
    away('missing', { [f]: w.stage.a, jurorId: w.juror.ana, entryId: MISSING }),
  ],
  workbookPreview: (w, _s, f) => [home('its own preview', { [f]: w.token.ana }), away("another juror's preview", { [f]: w.token.beto }), away('unknown', { [f]: 'desconocido' })],
  encuentro: (w, _s, f) => [home('its Encuentro', { [f]: w.encuentro.x }), away('another Encuentro', { [f]: w.encuentro.y }), away('missing', { [f]: MISSING })],
  sala: (w, s, f) => salaCases(w, s, f),
  salaDraft: (w, s, f) => [...salaCases(w, s, f), away('its sala, synthesis final', { [f]: w.sala.xFinal })],
  practice: (w, s, f) => {
    const ofPractice = s.role === 'projector' && s.practiceId !== null;
    const anySala = ofPractice && s.salaId === null;
    return [
      // Naming no sala reaches every sala of the practice: only a role not bound to a sala may.
      anySala ? home('its practice', { [f]: w.practice.x1 }) : otherSala('its practice, sala not named', { [f]: w.practice.x1 }),
      ofPractice ? home('its practice in its sala', { [f]: w.practice.x1, salaId: w.sala.x1 }) : mine(s, w.sala.x1, 'in its sala', { [f]: w.practice.x1, salaId: w.sala.x1 }),
      otherSala('another sala', { [f]: w.practice.x2, salaId: w.sala.x2 }),
      otherSala('no sala', { [f]: w.practice.xLoose, salaId: null }),
      away('a sala that does not list it', { [f]: w.practice.x1, salaId: w.sala.x2 }),
      away('another Encuentro', { [f]: w.practice.y1, salaId: w.sala.y1 }),
      away('missing', { [f]: MISSING, salaId: w.sala.x1 }),
    ];
  },
  contribution: (w, s, f) => [
    mine(s, w.sala.x1, 'in its sala', { [f]: w.contribution.x1 }),
    otherSala('in another sala', { [f]: w.contribution.x2 }),
    otherSala('in no sala', { [f]: w.contribution.xLoose }),
    away('another Encuentro', { [f]: w.contribution.y1 }),
    away('missing', { [f]: MISSING }),
  ],
  synthesisItem: (w, s, f) => [
    mine(s, w.sala.x1, 'in its sala', { [f]: w.synthesis.x1 }),
    otherSala('in another sala', { [f]: w.synthesis.x2 }),
    away('another Encuentro', { [f]: w.synthesis.y1 }),
    away('missing', { [f]: MISSING }),
  ],
  attendee: (w, _s, f) => [home('of its Encuentro', { [f]: w.attendee.x }), away('of another Encuentro', { [f]: w.attendee.y }), away('missing', { [f]: MISSING })],
};

const fieldOf = (grant: Grant): string => (grant.target === 'none' ? '' : (grant.field ?? RESOLVERS[grant.target].field));

/**
 * The cases a session's calls to a method are tried with: those of its own grant's target; for a
 * role without a grant, those of another role's grant (what would be its records), or of the
 * first target whose usual field the method's input has (organizer-only methods).
 */
function grantOrStandIn(name: MethodName, scope: SessionScope): Grant {
  const own = scope.role === 'organizer' ? undefined : contract[name].access[scope.role];
  if (own) return own;
  const other = Object.values(contract[name].access).find((grant): grant is Grant => !!grant);
  if (other) return other;
  const shape = (contract[name].input as unknown as Partial<z.ZodObject>).shape ?? {};
  const target = (Object.keys(RESOLVERS) as (keyof typeof RESOLVERS)[]).find((t) => RESOLVERS[t].field in shape);
  return { target: target ?? 'none' };
}

/** Values of an enum field that the grant's `only` leaves out (e.g. enteredBy 'organizer', status 'final'). */
function excludedValues(name: MethodName, field: string, allowed: readonly unknown[]): unknown[] {
  let schema = (contract[name].input as unknown as z.ZodObject).shape[field] as unknown as { options?: unknown[]; unwrap?: () => unknown } | undefined;
  while (schema && !schema.options && schema.unwrap) schema = schema.unwrap() as typeof schema;
  return (schema?.options ?? []).filter((value) => !allowed.includes(value));
}

function casesFor(w: World, name: MethodName, scope: SessionScope): Case[] {
  const grant = grantOrStandIn(name, scope);
  const cases = FACTORIES[grant.target](w, scope, fieldOf(grant));
  const extra = Object.entries(grant.only ?? {}).flatMap(([field, allowed]) =>
    cases
      .filter((c) => c.kind === 'home')
      .flatMap((c) => excludedValues(name, field, allowed).map((value) => away(`${c.label}, ${field} ${String(value)}`, { ...c.input, [field]: value }))),
  );
  return [...cases, ...extra];
}

function expectedAllowed(name: MethodName, scope: SessionScope, kind: Kind): boolean {
  if (scope.role === 'organizer') return true;
  const grant = contract[name].access[scope.role];
  if (!grant) return false;
  if (kind === 'home') return true;
  return kind === 'otherSala' && scope.role === 'moderator' && grant.within === 'encuentro';
}

const METHODS = Object.keys(contract) as MethodName[];

describe('authorization matrix over HTTP', () => {
  let venue: Venue;
  let world: World;
  let sessions: { label: string; scope: SessionScope; device: SedeDevice }[];

  beforeAll(async () => {
    venue = await openVenue();
    world = venue.world;
    const w = world;
    const scopes: [string, SessionScope][] = [
      ['juror', { role: 'juror', editionId: w.edition.a, jurorId: w.juror.ana }],
      ['moderator', { role: 'moderator', encuentroId: w.encuentro.x, salaIds: [w.sala.x1, w.sala.xFinal] }],
      ['checkIn', { role: 'checkIn', encuentroId: w.encuentro.x }],
      ['proyector de sala', { role: 'projector', encuentroId: w.encuentro.x, salaId: w.sala.x1, practiceId: null }],
      ['proyector de práctica', { role: 'projector', encuentroId: w.encuentro.x, salaId: null, practiceId: w.practice.x1 }],
      ['proyector de práctica en sala', { role: 'projector', encuentroId: w.encuentro.x, salaId: w.sala.x1, practiceId: w.practice.x1 }],
      // Last: the organizer's calls succeed, and some of them delete what the others aim at.
      ['organizador (dispositivo)', { role: 'organizer' }],
    ];
    sessions = scopes.map(([label, scope]) => ({ label, scope, device: venue.hub.join(scope, label) }));
  }, 60_000);

  afterAll(() => venue?.close());

  /**
   * Turning the mode off closes every venue connection at once, the caller's own included, so
   * an organizer device's «sede.stop» ends with its connection: allowed if the mode is now off.
   */
  async function callOrStopped(device: SedeDevice, name: MethodName, input: unknown): Promise<SedeReply> {
    try {
      return await device.call(name, input);
    } catch (error) {
      const status = await venue.app.services.call('sede.status', {});
      if (name === 'sede.stop' && status.ok && !(status.result as { on: boolean }).on) return { status: 200, body: { ok: true } };
      throw error;
    }
  }

  async function outcomes(name: MethodName, remote: boolean): Promise<{ expected: string[]; actual: string[] }> {
    const expected: string[] = [];
    const actual: string[] = [];
    for (const session of sessions.filter((s) => (s.scope.role !== 'organizer') === remote)) {
      for (const c of casesFor(world, name, session.scope)) {
        const line = `${session.label} · ${c.label}`;
        expected.push(`${line}: ${expectedAllowed(name, session.scope, c.kind) ? 'allowed' : 'refused'}`);
        const reply = await callOrStopped(session.device, name, c.input);
        const code = reply.body?.error?.code;
        const refused = reply.status === 403 && code === 'sede.error.forbidden';
        // Anything else answering 403 or 401 would be neither allowed nor properly refused.
        const verdict = refused ? 'refused' : reply.status === 403 || reply.status === 401 || code === 'sede.error.forbidden' ? `odd ${reply.status} ${code}` : 'allowed';
        actual.push(`${line}: ${verdict}`);
      }
    }
    return { expected, actual };
  }

  describe('remote roles', () => {
    it.each(METHODS)('%s', async (name) => {
      const { expected, actual } = await outcomes(name, true);
      expect(actual).toEqual(expected);
    });
  });

  // Turning the venue listener off or moving it cuts every device off (this one too): those go last.
  const VENUE_SWITCHES: readonly MethodName[] = ['sede.start', 'sede.stop'];
  const ORGANIZER_ORDER = [...METHODS.filter((name) => !VENUE_SWITCHES.includes(name)), ...VENUE_SWITCHES];

  describe('an organizer device may call everything', () => {
    it.each(ORGANIZER_ORDER)('%s', async (name) => {
      const { expected, actual } = await outcomes(name, false);
      expect(actual).toEqual(expected);
    });
  });

  it('the matrix tried every role with records both inside and outside its scope', () => {
    for (const role of ['juror', 'moderator', 'checkIn', 'projector'] as const) {
      const granted = METHODS.filter((name) => contract[name].access[role] && contract[name].access[role]?.target !== 'none');
      expect(granted.length, role).toBeGreaterThan(0);
      for (const name of granted) {
        const scopes = sessions.filter((s) => s.scope.role === role).map((s) => s.scope);
        const kinds = new Set(scopes.flatMap((scope) => casesFor(world, name, scope).map((c) => expectedAllowed(name, scope, c.kind))));
        expect([...kinds].sort(), `${role} ${name}`).toEqual([false, true]);
      }
    }
  });
});
