import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract, DATA_AREAS, type MethodName } from '../../../shared/contract';
import { method, ORGANIZER } from '../../../shared/contract/define';

describe('what each contract method declares it changes', () => {
  const names = Object.keys(contract) as MethodName[];

  it('every write names at least one area of the data, every read none', () => {
    const undeclared = names.filter((name) => contract[name].kind === 'write' && contract[name].changes.length === 0);
    expect(undeclared).toEqual([]);
    const readsThatChange = names.filter((name) => contract[name].kind === 'read' && contract[name].changes.length > 0);
    expect(readsThatChange).toEqual([]);
    const unknownAreas = names.flatMap((name) => contract[name].changes.filter((area) => !DATA_AREAS.includes(area)).map((area) => `${name}: ${area}`));
    expect(unknownAreas).toEqual([]);
  });

  it('the writes that take a backup first say so, and a restore changes everything', () => {
    for (const name of ['imports.commit', 'imports.commitUgels', 'juryWorkbooks.apply', 'encuentro.attendance.import', 'backups.create'] as const) {
      expect(contract[name].changes).toContain('backups');
    }
    expect(contract['backups.restore'].changes).toEqual(['everything']);
    expect(contract['imports.commit'].changes).toContain('entries');
  });

  it('a method without its declarations does not compile, nor build', () => {
    // @ts-expect-error a write must say what it changes and who may call it
    expect(() => method<number>('write')(z.object({}))).toThrow(/who may call it/);
    // @ts-expect-error nor may it declare an empty list
    expect(() => method<number>('write', [], ORGANIZER)(z.object({}))).toThrow(/what it changes/);
    // @ts-expect-error a read must say who may call it too
    expect(() => method<number>('read')(z.object({}))).toThrow(/who may call it/);
    expect(method<number>('read', ORGANIZER)(z.object({})).access).toEqual({});
  });
});
