import path from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { accessProblems, assertAccessDeclared } from '../../../electron/services/access/declarations';
import { createServices } from '../../../electron/services/registry';
import { contract, type MethodName } from '../../../shared/contract';
import { method, ORGANIZER } from '../../../shared/contract/define';
import { REMOTE_ROLES, type RemoteRole } from '../../../shared/sede/roles';
import { tempDir } from '../../support/services';

const names = Object.keys(contract) as MethodName[];

describe('who may call each contract method', () => {
  it('every method declares its access, and every grant names a known target and fields its input has', () => {
    const undeclared = names.filter((name) => typeof contract[name].access !== 'object' || contract[name].access === null);
    expect(undeclared).toEqual([]);
    expect(accessProblems(contract)).toEqual([]);
  });

  it('a method without a declaration cannot be made, and the services refuse a contract holding one', () => {
    // @ts-expect-error a read must say who may call it
    expect(() => method<number>('read')(z.object({}))).toThrow(/who may call it/);
    const faulty = {
      'demo.ok': method<number>('read', ORGANIZER)(z.object({})),
      'demo.bare': { input: z.object({ id: z.number() }), kind: 'read' as const, changes: [] },
      'demo.wrongField': method<number>('read', { checkIn: { target: 'encuentro' } })(z.object({ id: z.number() })),
    };
    expect(accessProblems(faulty)).toEqual(['demo.bare: no access declaration', 'demo.wrongField: checkIn reads encuentroId, which the input does not have']);
    expect(() => assertAccessDeclared(faulty)).toThrow(/demo\.bare/);
  });

  it('the services are not built over a contract with a method lacking its declaration', async () => {
    const open = contract as unknown as Record<string, unknown>;
    const { dir, cleanup } = tempDir();
    const build = () => createServices({ dbPath: path.join(dir, 'test.db'), demo: 'never', log: () => undefined });
    open['demo.bare'] = { input: z.object({}), kind: 'read', changes: [] };
    try {
      await expect(build()).rejects.toThrow(/demo\.bare: no access declaration/);
    } finally {
      delete open['demo.bare'];
    }
    try {
      (await build()).close();
    } finally {
      cleanup();
    }
  });

  /*
   * The limits «Modo sede» sets on each role, whatever is granted inside them: a grant beyond
   * these (a projector that writes, a juror reaching the audit log or the results, a door desk
   * deleting attendees…) fails here even though the matrix test, which follows the declarations,
   * would accept it.
   */
  const LIMITS: { readonly [R in RemoteRole]: { methods: RegExp; writes: RegExp } } = {
    juror: {
      methods: /^(app\.status|sede\.whoami|editions\.get|scores\.(worklist|sheet|grid|set|peers)|sheets\.(setComment|abstain|clearAbstention|submit)|juryWorkbooks\.(export|preview|apply))$/,
      writes: /^(scores\.set|sheets\.(setComment|abstain|clearAbstention|submit)|juryWorkbooks\.apply)$/,
    },
    moderator: {
      methods: /^(app\.status|sede\.whoami|encuentro\.(get|matrix|summary\.get|attendance\.counts|contributions\.[a-zA-Z]+|synthesis\.[a-zA-Z]+))$/,
      writes: /^encuentro\.(contributions|synthesis)\.[a-zA-Z]+$/,
    },
    checkIn: {
      methods: /^(app\.status|sede\.whoami|encuentro\.get|encuentro\.attendance\.(list|counts|register|update|checkIn|undoCheckIn))$/,
      writes: /^encuentro\.attendance\.(register|update|checkIn|undoCheckIn)$/,
    },
    projector: { methods: /^(app\.status|sede\.whoami|encuentro\.matrix|encuentro\.synthesis\.get)$/, writes: /^$/ },
  };

  it.each(REMOTE_ROLES)('%s is granted nothing beyond its role', (role) => {
    const granted = names.filter((name) => contract[name].access[role]);
    expect(granted.filter((name) => !LIMITS[role].methods.test(name))).toEqual([]);
    expect(granted.filter((name) => contract[name].kind === 'write' && !LIMITS[role].writes.test(name))).toEqual([]);
  });

  it('a juror always types as the juror, and a moderator never finalises a synthesis', () => {
    const typed = names.filter((name) => 'enteredBy' in (contract[name].input as unknown as z.ZodObject).shape);
    expect(typed.length).toBeGreaterThan(0);
    for (const name of typed) {
      const grant = contract[name].access.juror;
      if (grant) expect(grant.only?.enteredBy, name).toEqual(['juror']);
    }
    const status = contract['encuentro.synthesis.setStatus'].access.moderator;
    expect(status?.target).toBe('salaDraft');
    expect(status?.only?.status).not.toContain('final');
  });
});
