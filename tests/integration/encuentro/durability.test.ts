import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestApp } from '../../support/services';

describe('capture durability', () => {
  it('keeps every acknowledged contribution and keystroke when the process is killed mid-burst', async () => {
    const setup = await openTestApp();
    const editionId = (await setup.call('editions.create', { year: 2024, name: 'Durabilidad', lema: '', legalReference: '', startDate: '', endDate: '' })).id;
    const encuentro = await setup.call('encuentro.create', { editionId, fields: { name: 'Encuentro' } });
    const practice = await setup.call('encuentro.practices.create', { encuentroId: encuentro.id, fields: { title: 'Práctica' } });
    const dbPath = setup.dbPath;
    setup.services.close();

    // The child types a burst: each item created, then retyped keystroke by keystroke; every
    // acknowledgement is printed; then it kills itself with writes still in flight.
    const script = `
      import { createServices } from ${JSON.stringify(path.resolve('electron/services/registry.ts'))};
      const s = await createServices({ dbPath: ${JSON.stringify(dbPath)}, demo: 'never', log: () => {} });
      const blocks = [['limiting', 'ugel'], ['enabling', 'minedu'], ['actions', 'dre'], ['conditions', 'otherActors']];
      for (let i = 0; i < 40; i++) {
        const [block, level] = blocks[i % 4];
        const created = await s.call('encuentro.contributions.create', { practiceId: ${practice.id}, block, level, text: '' });
        if (!created.ok) throw new Error(created.error.message);
        const id = created.result.id;
        const full = 'Aporte ' + i + ': acción ñandú áéíóú';
        for (let k = 1; k <= full.length; k += 3) {
          const r = await s.call('encuentro.contributions.updateText', { id, text: full.slice(0, k), revision: k });
          if (!r.ok || !r.result.applied) throw new Error('not applied');
          process.stdout.write('ack ' + id + ' ' + k + ' ' + JSON.stringify(full.slice(0, k)) + '\\n');
        }
      }
      void s.call('encuentro.contributions.create', { practiceId: ${practice.id}, block: 'actions', level: 'ugel', text: 'en vuelo' });
      process.kill(process.pid, 'SIGKILL');
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    expect(child.signal).toBe('SIGKILL');
    const acknowledged = new Map<number, string>();
    for (const line of child.stdout.split('\n')) {
      const m = /^ack (\d+) (\d+) (.*)$/.exec(line);
      if (m) acknowledged.set(Number(m[1]), JSON.parse(m[3] as string) as string);
    }
    expect(acknowledged.size).toBe(40);

    const app = await openTestApp({ dbPath });
    const stored = new Map((await app.call('encuentro.contributions.list', { encuentroId: encuentro.id })).map((c) => [c.id, c.text]));
    for (const [id, text] of acknowledged) expect(stored.get(id)).toBe(text);
    // Saves typed without a pause make one version, and it holds the last acknowledged text.
    const [firstId, firstText] = [...acknowledged.entries()][0]!;
    const history = await app.call('encuentro.contributions.history', { id: firstId });
    expect(history[0]?.text).toBe(firstText);
    app.close();
    setup.close();
  });
});
