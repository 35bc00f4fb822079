import { describe, expect, it } from 'vitest';
import { rootsChangedBy } from '../../renderer/src/app/data-areas';
import { hrefOf, parseHash } from '../../renderer/src/app/router';
import { allowedRoute, homeRoute, normalizeJoinCode, shellRoute, visibleSalas } from '../../renderer/src/features/sede/device-routes';
import { invitationForm, invitationInput, EMPTY_INVITATION } from '../../renderer/src/features/sede/invitation-form';
import { sedeKeys } from '../../renderer/src/features/sede/queries';
import type { SessionScope } from '../../shared/sede/roles';

const juror: SessionScope = { role: 'juror', editionId: 3, jurorId: 7 };
const moderator: SessionScope = { role: 'moderator', encuentroId: 5, salaIds: [11, 12] };
const oneSala: SessionScope = { role: 'moderator', encuentroId: 5, salaIds: [12] };
const door: SessionScope = { role: 'checkIn', encuentroId: 5 };
const salaProjector: SessionScope = { role: 'projector', encuentroId: 5, salaId: 12, practiceId: null };
const practiceProjector: SessionScope = { role: 'projector', encuentroId: 5, salaId: null, practiceId: 40 };

/** The route a device shows for an address typed by hand, as the address it is sent to. */
const shown = (scope: SessionScope, hash: string) => hrefOf(shellRoute(scope, parseHash(hash)));

describe('join codes as typed or scanned', () => {
  it('accepts any case, spaces and dashes, and writes the hub\'s form', () => {
    expect(normalizeJoinCode('k7m2p9qx')).toBe('K7M2-P9QX');
    expect(normalizeJoinCode(' K7M2 - p9qx ')).toBe('K7M2-P9QX');
    expect(normalizeJoinCode('K7M2-P9QX')).toBe('K7M2-P9QX');
  });
  it('refuses what cannot be a code', () => {
    expect(normalizeJoinCode('')).toBeNull();
    expect(normalizeJoinCode('K7M2-P9Q')).toBeNull();
    expect(normalizeJoinCode('K7M2-P9QXZ')).toBeNull();
    expect(normalizeJoinCode('K7M2-P9Q!')).toBeNull();
  });
  it('comes from the address the QR code opens', () => {
    expect(parseHash('#/unirse/K7M2-P9QX')).toEqual({ name: 'join', code: 'K7M2-P9QX' });
    expect(parseHash('#/unirse')).toEqual({ name: 'join', code: null });
    expect(hrefOf({ name: 'join', code: 'K7M2-P9QX' })).toBe('#/unirse/K7M2-P9QX');
  });
});

describe('each role opens on its own screen', () => {
  it('a juror: its stage choice; a moderator: the capture of its sala, or the picker for several; the door; the projector', () => {
    expect(hrefOf(homeRoute(juror))).toBe('#/calificar');
    expect(hrefOf(homeRoute(oneSala))).toBe('#/encuentros/5/captura/12');
    expect(hrefOf(homeRoute(moderator))).toBe('#/encuentros/5/captura');
    expect(hrefOf(homeRoute(door))).toBe('#/encuentros/5/asistencia');
    expect(hrefOf(homeRoute(salaProjector))).toBe('#/proyector/sala/12');
    expect(hrefOf(homeRoute(practiceProjector))).toBe('#/proyector/practica/40');
  });
});

describe('an address typed by hand shows the role\'s home unless it is the device\'s', () => {
  it('a juror scores only as itself', () => {
    expect(shown(juror, '#/calificar/2/7')).toBe('#/calificar/2/7');
    expect(shown(juror, '#/calificar/2/7/cuadricula')).toBe('#/calificar/2/7/cuadricula');
    expect(shown(juror, '#/calificar/2/7/99')).toBe('#/calificar/2/7/99');
    expect(shown(juror, '#/calificar/2/8')).toBe('#/calificar');
    expect(shown(juror, '#/ediciones')).toBe('#/calificar');
    expect(shown(juror, '#/jurado')).toBe('#/calificar');
    expect(shown(juror, '#/resultados')).toBe('#/calificar');
    expect(shown(juror, '#/sede')).toBe('#/calificar');
  });
  it('a moderator: capture and synthesis of its salas, the summary of its Encuentro; never the set-up or another sala', () => {
    expect(shown(moderator, '#/encuentros/5/captura/11/40')).toBe('#/encuentros/5/captura/11/40');
    expect(shown(moderator, '#/encuentros/5/sintesis/12')).toBe('#/encuentros/5/sintesis/12');
    expect(shown(moderator, '#/encuentros/5/resumen')).toBe('#/encuentros/5/resumen');
    expect(shown(moderator, '#/encuentros/5/captura/13')).toBe('#/encuentros/5/captura');
    expect(shown(moderator, '#/encuentros/5/sintesis/13')).toBe('#/encuentros/5/captura');
    expect(shown(moderator, '#/encuentros/5')).toBe('#/encuentros/5/captura');
    expect(shown(moderator, '#/encuentros/5/asistencia')).toBe('#/encuentros/5/captura');
    expect(shown(moderator, '#/encuentros/6/captura/11')).toBe('#/encuentros/5/captura');
    expect(shown(moderator, '#/encuentros')).toBe('#/encuentros/5/captura');
    expect(shown(moderator, '#/proyector/sala/11')).toBe('#/encuentros/5/captura');
  });
  it('the door: its Encuentro\'s attendance only', () => {
    expect(shown(door, '#/encuentros/5/asistencia')).toBe('#/encuentros/5/asistencia');
    expect(shown(door, '#/encuentros/6/asistencia')).toBe('#/encuentros/5/asistencia');
    expect(shown(door, '#/encuentros/5/captura/11')).toBe('#/encuentros/5/asistencia');
  });
  it('a projector: its sala or its practice only', () => {
    expect(shown(salaProjector, '#/proyector/sala/11')).toBe('#/proyector/sala/12');
    expect(shown(salaProjector, '#/proyector/practica/40')).toBe('#/proyector/sala/12');
    expect(shown(practiceProjector, '#/proyector/practica/40')).toBe('#/proyector/practica/40');
    expect(shown(practiceProjector, '#/proyector/practica/41')).toBe('#/proyector/practica/40');
    expect(shown(practiceProjector, '#/encuentros/5/captura')).toBe('#/proyector/practica/40');
  });
  it('the join page stays open to every device (to take another invitation); the organizer opens everything', () => {
    for (const scope of [juror, moderator, door, salaProjector]) expect(allowedRoute(scope, parseHash('#/unirse/ABCD-EFGH'))).toBe(true);
    expect(shown({ role: 'organizer' }, '#/encuentros/5')).toBe('#/encuentros/5');
    expect(shown({ role: 'organizer' }, '#/sede')).toBe('#/sede');
  });
  it('a moderator\'s sala pickers offer only its salas; the organizer\'s all', () => {
    const salas = [{ id: 11 }, { id: 12 }, { id: 13 }];
    expect(visibleSalas(moderator, salas).map((s) => s.id)).toEqual([11, 12]);
    expect(visibleSalas(null, salas).map((s) => s.id)).toEqual([11, 12, 13]);
  });
});

describe('«Invitar un dispositivo»', () => {
  const parse = (values: Partial<typeof EMPTY_INVITATION>) => invitationForm.safeParse({ ...EMPTY_INVITATION, name: 'Mesa 1', ...values });
  const messages = (values: Partial<typeof EMPTY_INVITATION>) => {
    const result = parse(values);
    return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
  };

  it('asks, in Spanish and beside each field, what the chosen role is bound to', () => {
    expect(messages({ role: 'juror' })).toEqual({ editionId: 'Elija la edición.', jurorId: 'Elija al jurado.' });
    expect(messages({ role: 'moderator', encuentroId: '5' })).toEqual({ salaIds: 'Marque al menos una sala.' });
    expect(messages({ role: 'projector', encuentroId: '5', projectorTarget: 'practice' })).toEqual({ practiceId: 'Elija la práctica.' });
    expect(messages({ role: 'checkIn', name: '  ' })).toEqual({ name: 'Escriba un nombre.', encuentroId: 'Elija el Encuentro.' });
    expect(messages({ role: 'organizer', validMinutes: '0' })).toEqual({ validMinutes: 'Escriba un número entero de minutos, entre 1 y 1440.' });
  });

  it('sends only the chosen role\'s scope, with numbers', () => {
    const input = (values: Partial<typeof EMPTY_INVITATION>) => {
      const result = parse(values);
      if (!result.success) throw new Error(result.error.message);
      return invitationInput(result.data);
    };
    expect(input({ role: 'juror', editionId: '3', jurorId: '7', encuentroId: '5', validMinutes: '30' })).toEqual({
      name: 'Mesa 1',
      scope: { role: 'juror', editionId: 3, jurorId: 7 },
      validMinutes: 30,
    });
    expect(input({ role: 'moderator', encuentroId: '5', salaIds: ['11', '12'] }).scope).toEqual({ role: 'moderator', encuentroId: 5, salaIds: [11, 12] });
    expect(input({ role: 'projector', encuentroId: '5', projectorTarget: 'sala', salaId: '12', practiceId: '40' }).scope).toEqual(salaProjector);
    expect(input({ role: 'projector', encuentroId: '5', projectorTarget: 'practice', salaId: '12', practiceId: '40' }).scope).toEqual(practiceProjector);
    expect(input({ role: 'organizer', editionId: '3' }).scope).toEqual({ role: 'organizer' });
  });
});

describe('the venue screen refreshes on every write of the venue', () => {
  it('every sede write refreshes the root the screen reads under; the device\'s own session is not re-read by them', () => {
    for (const method of ['sede.start', 'sede.stop', 'sede.invitations.create', 'sede.invitations.cancel', 'sede.devices.revoke']) expect(rootsChangedBy(method)).toContain(sedeKeys.all[0]);
    for (const key of [sedeKeys.status, sedeKeys.interfaces, sedeKeys.invitations, sedeKeys.devices]) expect(key[0]).toBe(sedeKeys.all[0]);
    expect(sedeKeys.whoami[0]).not.toBe(sedeKeys.all[0]);
  });
});
