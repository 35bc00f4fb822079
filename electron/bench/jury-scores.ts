import { execute } from '../db/query';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { startHttpServer } from '../server/http';
import { createServices, type Services } from '../services/registry';

/**
 * One score write through the HTTP transport until durable (the response comes after the
 * synchronous=FULL commit), for a stage of 1,000 entries × 15 jurors × 12 criteria with every
 * other score already present (180,000 rows). Beside it, in the same run: a bare better-sqlite3
 * single-row insert with WAL + synchronous=FULL, the floor any durable write pays on this disk.
 * Target: p95 ≤ 5 ms per durable score write.
 */
const ENTRIES = 1000;
const JURORS = 15;
const CRITERIA = 12;
const WRITES = 500;
const WARM_UP = 20;
const TARGET_P95_MS = 5;

export async function benchScoreWrites(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpge-bench-jury-'));
  let services: Services | null = null;
  try {
    services = await createServices({ dbPath: path.join(dir, 'bench.db'), demo: 'never', log: () => undefined, backupIntervalMinutes: 24 * 60 });
    console.log(`Generando ${ENTRIES} postulaciones × ${JURORS} jurados × ${CRITERIA} criterios…`);
    const t0 = performance.now();
    const target = await generate(services);
    console.log(`  generado en ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

    const server = await startHttpServer({ services, staticDir: dir });
    try {
      const write = async (i: number) => {
        const entryId = target.entryIds[i % target.entryIds.length] as number;
        const criterionId = target.criterionIds[i % CRITERIA] as number;
        const response = await fetch(`${server.url}/api/call/scores.set`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ stageId: target.stageId, jurorId: target.jurorId, entryId, criterionId, value: i % 5 }),
        });
        const body = (await response.json()) as { ok: boolean; error?: { message: string } };
        if (!body.ok) throw new Error(body.error?.message ?? 'fallo');
      };
      for (let i = 0; i < WARM_UP; i++) await write(i);
      const http: number[] = [];
      for (let i = 0; i < WRITES; i++) {
        const start = performance.now();
        await write(WARM_UP + i);
        http.push(performance.now() - start);
      }
      const bare = bareInserts(path.join(dir, 'bare.db'));
      print(http, bare);
    } finally {
      await server.close();
    }
  } finally {
    services?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface Target {
  stageId: number;
  jurorId: number;
  entryIds: number[];
  criterionIds: number[];
}

/** Structure through the services (as a user would), bulk rows straight into SQLite in one transaction. */
async function generate(services: Services): Promise<Target> {
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await services.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.result as T;
  };
  const edition = await call<{ id: number }>('editions.create', { year: 2024, name: 'Bench jurado', lema: '' });
  const category = await call<{ id: number }>('categories.create', { editionId: edition.id, fields: { name: 'Eje único' } });
  const criterionIds: number[] = [];
  for (let c = 0; c < CRITERIA; c++) {
    const criterion = await call<{ id: number }>('criteria.create', {
      editionId: edition.id,
      fields: { name: `Criterio ${c + 1}`, weight: 1 + (c % 3), scaleMin: 0, scaleMax: 4, scaleStep: 1 },
    });
    criterionIds.push(criterion.id);
  }
  const stage = await call<{ id: number }>('stages.create', { editionId: edition.id, fields: { name: 'Evaluación' } });
  const jurorIds: number[] = [];
  for (let j = 0; j < JURORS; j++) jurorIds.push((await call<{ id: number }>('jurors.create', { editionId: edition.id, fields: { name: `Jurado ${j + 1}` } })).id);

  const db = services.context.db();
  const now = new Date().toISOString();
  const entryIds: number[] = [];
  db.transaction(() => {
    for (let e = 0; e < ENTRIES; e++) {
      const title = `Práctica ${e + 1}`;
      const id = Number(execute(
        db,
        `INSERT INTO entry (edition_id, code, region, title, title_key, category_id, created_at, updated_at) VALUES (?, ?, 'Cusco', ?, ?, ?, ?, ?)`,
        edition.id, `B-${String(e + 1).padStart(4, '0')}`, title, title.toLowerCase(), category.id, now, now,
      ).lastInsertRowid);
      entryIds.push(id);
      for (const jurorId of jurorIds) {
        execute(db, `INSERT INTO assignment (stage_id, juror_id, entry_id, source, created_at) VALUES (?, ?, ?, 'manual', ?)`, stage.id, jurorId, id, now);
        execute(db, `INSERT INTO score_sheet (stage_id, juror_id, entry_id, updated_at) VALUES (?, ?, ?, ?)`, stage.id, jurorId, id, now);
        for (const criterionId of criterionIds) execute(
          db,
          `INSERT INTO score (stage_id, entry_id, juror_id, criterion_id, value, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
          stage.id, id, jurorId, criterionId, (e + jurorId + criterionId) % 5, now,
        );
      }
    }
  })();
  return { stageId: stage.id, jurorId: jurorIds[0] as number, entryIds, criterionIds };
}

function bareInserts(file: string): number[] {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, value REAL NOT NULL, at TEXT NOT NULL) STRICT`);
  const insertSql = `INSERT INTO t (value, at) VALUES (?, ?)`;
  for (let i = 0; i < WARM_UP; i++) execute(db, insertSql, i, new Date().toISOString());
  const times: number[] = [];
  for (let i = 0; i < WRITES; i++) {
    const start = performance.now();
    execute(db, insertSql, i, new Date().toISOString());
    times.push(performance.now() - start);
  }
  db.close();
  return times;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function print(http: number[], bare: number[]): void {
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  const rows = [
    ['', 'p50', 'p95', 'escrituras'],
    ['better-sqlite3: INSERT de una fila (WAL, FULL)', ms(percentile(bare, 50)), ms(percentile(bare, 95)), String(bare.length)],
    ['scores.set por HTTP hasta durable', ms(percentile(http, 50)), ms(percentile(http, 95)), String(http.length)],
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const r of rows) console.log(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('   '));
  const p95 = percentile(http, 95);
  console.log(`\n  p95 de scores.set: ${ms(p95)} (meta ≤ ${TARGET_P95_MS} ms) ${p95 <= TARGET_P95_MS ? 'CUMPLE' : 'NO CUMPLE'}`);
}
