import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import demo from '../../resources/demo/encuentro-2019.json';
import type { InstitutionType } from '../../shared/domain/encuentro-attendance';
import type { ContributionBlock, ContributionLevel, SynthesisAxis, SynthesisLevel } from '../../shared/domain/encuentro-matrix';
import type { ExportedFile } from '../../shared/domain/types';
import type { Db } from '../db/open';
import { execute, queryOne } from '../db/query';
import { startHttpServer } from '../server/http';
import { insertAttendee } from '../services/encuentro/attendance';
import { insertContribution } from '../services/encuentro/contributions';
import { insertEje, insertEncuentro, insertPractice, insertSala } from '../services/encuentro/setup-write';
import { insertSummaryItem } from '../services/encuentro/summary';
import { insertSynthesisItem } from '../services/encuentro/synthesis';
import { createServices, type Services } from '../services/registry';

/**
 * Encuentro benchmarks:
 *  - one contribution keystroke (encuentro.contributions.updateText) until durable, through the
 *    HTTP transport (fetch → server → zod → SQLite commit with synchronous=FULL → answer),
 *    beside a bare better-sqlite3 autocommit insert with synchronous=FULL in the same run;
 *  - the .xlsx and .docx exports of the demo Encuentro and of a synthetic one ten times larger.
 */
export async function benchEncuentro(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpge-bench-encuentro-'));
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  let services: Services | null = null;
  try {
    services = await createServices({ dbPath: path.join(dir, 'bench.db'), demo: 'ifEmpty', log: () => undefined });
    const server = await startHttpServer({ services, staticDir });
    try {
      await keystrokes(services, server.url);
    } finally {
      await server.close();
    }
    bareInserts(path.join(dir, 'bare.db'));

    const demoId = queryOne<{ id: number }>(services.context.db(), `SELECT id FROM encuentro WHERE is_demo = 1`)!.id;
    await exports(services, 'demo', demoId);
    const bigId = services.context.db().transaction(() => synthesize(services!.context.db(), 10))();
    await exports(services, 'sintético 10×', bigId);
  } finally {
    services?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const KEYSTROKES = 500;

async function keystrokes(services: Services, url: string): Promise<void> {
  const db = services.context.db();
  const practiceId = queryOne<{ id: number }>(db, `SELECT id FROM encuentro_practice ORDER BY id LIMIT 1`)!.id;
  const created = await services.call('encuentro.contributions.create', { practiceId, block: 'actions', level: 'ugel', text: '' });
  if (!created.ok) throw new Error(created.error.message);
  const id = (created.result as { id: number }).id;
  const phrase = 'Fortalecer capacidades de los equipos técnicos y actores involucrados en la práctica (ñandú, áéíóú). ';
  const send = async (revision: number) => {
    const text = phrase.repeat(3).slice(0, 1 + (revision % 250));
    const response = await fetch(`${url}/api/call/encuentro.contributions.updateText`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id, text, revision }),
    });
    const body = (await response.json()) as { ok: boolean; result?: { applied: boolean } };
    if (!body.ok || !body.result?.applied) throw new Error('guardado no aplicado');
  };
  for (let r = 1; r <= 20; r++) await send(r); // warm-up: JIT, statement cache, keep-alive
  const times: number[] = [];
  for (let r = 21; r < 21 + KEYSTROKES; r++) {
    const t0 = performance.now();
    await send(r);
    times.push(performance.now() - t0);
  }
  console.log(`encuentro: pulsación guardada por HTTP hasta durable (${KEYSTROKES} fetch secuenciales): p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))} (meta p95 ≤ 10 ms)`);
}

function bareInserts(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL, at TEXT NOT NULL) STRICT`);
  const insertSql = `INSERT INTO t (text, at) VALUES (?, ?)`;
  for (let i = 0; i < 20; i++) execute(db, insertSql, 'calentamiento', new Date().toISOString());
  const times: number[] = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const t0 = performance.now();
    execute(db, insertSql, `aporte ${i}`, new Date().toISOString());
    times.push(performance.now() - t0);
  }
  db.close();
  console.log(`  better-sqlite3 INSERT suelto, synchronous=FULL (${KEYSTROKES}):          p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))}`);
}

async function exports(services: Services, label: string, encuentroId: number): Promise<void> {
  const counts = queryOne<{ p: number; c: number; a: number }>(
    services.context.db(),
    `SELECT (SELECT count(*) FROM encuentro_practice WHERE encuentro_id = ?) AS p, (SELECT count(*) FROM encuentro_contribution WHERE encuentro_id = ?) AS c,
              (SELECT count(*) FROM encuentro_attendee WHERE encuentro_id = ?) AS a`,
    encuentroId, encuentroId, encuentroId,
  )!;
  for (const method of ['encuentro.export.xlsx', 'encuentro.export.report'] as const) {
    await services.call(method, { encuentroId }); // warm-up
    const t0 = performance.now();
    const result = await services.call(method, { encuentroId });
    const elapsed = performance.now() - t0;
    if (!result.ok) throw new Error(result.error.message);
    const file = result.result as ExportedFile;
    const bytes = Buffer.byteLength(file.dataBase64, 'base64');
    const kind = method.endsWith('xlsx') ? '.xlsx' : '.docx';
    console.log(`  exportación ${kind} ${label} (${counts.p} prácticas, ${counts.c} aportes, ${counts.a} asistentes): ${ms(elapsed)}, ${(bytes / 1024).toFixed(0)} KB`);
  }
}

/** An Encuentro `factor` times the demo: same texts, `factor` × the ejes' practices, salas, syntheses, summary and attendees. */
function synthesize(db: Db, factor: number): number {
  const now = new Date().toISOString();
  const editionId = queryOne<{ id: number }>(db, `SELECT id FROM edition WHERE is_demo = 1`)!.id;
  const encuentroId = insertEncuentro(db, editionId, { name: `Encuentro sintético ${factor}×`, eventDate: '', venue: '', partners: '' }, now);
  const ejeIds = demo.ejes.map((e) => insertEje(db, encuentroId, e.name));
  for (let copy = 0; copy < factor; copy++) {
    demo.ejes.forEach((eje, e) => {
      const ejeId = ejeIds[e] as number;
      const practices = demo.practices.filter((p) => p.eje === eje.key);
      const ids = practices.map((p, i) =>
        insertPractice(db, encuentroId, { ejeId, region: 'Región', igedName: `UGEL ${copy + 1}-${e + 1}-${i + 1}`, title: `Práctica ${p.entryCode} (${copy + 1})`, year: p.year, presenter: '', presenterCargo: '' }),
      );
      const salaId = insertSala(db, encuentroId, { ejeId, name: `Sala ${copy + 1}.${e + 1}`, moderators: eje.sala.moderators, practiceIds: ids });
      const contributionIds: number[] = [];
      practices.forEach((p, i) => {
        for (const group of p.contributions) {
          for (const text of group.items) {
            const input = { practiceId: ids[i] as number, block: group.block as ContributionBlock, level: group.level as ContributionLevel, text, revision: 0 };
            contributionIds.push(insertContribution(db, input, now).id);
          }
        }
      });
      const synthesis = demo.syntheses[e];
      synthesis?.items.forEach((item, k) => {
        const sources = [contributionIds[k % contributionIds.length] as number];
        insertSynthesisItem(db, { salaId, level: item.level as SynthesisLevel, axis: item.axis as SynthesisAxis, text: item.text, contributionIds: sources }, now);
      });
    });
  }
  for (const item of demo.summary) {
    for (let copy = 0; copy < factor; copy++) {
      insertSummaryItem(db, { encuentroId, level: item.level as SynthesisLevel, axis: item.axis as SynthesisAxis, text: item.text, synthesisItemIds: [] }, now);
    }
  }
  for (let copy = 0; copy < factor; copy++) {
    for (const person of demo.attendees) {
      const fields = { ...person, fullName: `${person.fullName} ${copy + 1}`, dni: '', institutionType: person.institutionType as InstitutionType };
      insertAttendee(db, encuentroId, fields, { checkIn: true, source: 'demo', now });
    }
  }
  return encuentroId;
}

const ms = (value: number): string => `${value.toFixed(2)} ms`;

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
