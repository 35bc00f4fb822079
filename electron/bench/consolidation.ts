import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { execute, queryAll, queryOne } from '../db/query';
import { appendAudit, resealLegacyChain } from '../services/jury/audit/chain';
import { attachAuditKey } from '../services/jury/audit/key';
import { computeReport, computeStage } from '../services/jury/results/compute';
import { loadStageData } from '../services/jury/results/load';
import { resultSheets } from '../services/jury/results/workbook';
import { writeSheets, writeSheetsBare } from '../services/jury/results/xlsx-stream';

/**
 * Benchmarks for consolidation and the results workbook, on 1,000 entries × 15 jurors ×
 * 12 criteria (180,000 scores) generated into a temporary database with the jury schema:
 *  - consolidating every method and rank (reading the rows included) beside a bare SQL
 *    weighted-average GROUP BY over the same rows — target ratio ≤ 3, in steady state: pairs
 *    run alternately after a warm-up, medians with their spread, wall and CPU time; the first
 *    (JIT-cold) call is printed too;
 *  - the results workbook export (cells built + styled streaming write) beside a bare exceljs
 *    streaming write of the same cells — target ratio ≤ 1.5.
 * The export figures are the median of several runs after one warm-up.
 */
export async function benchConsolidation(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpge-bench-consolidation-'));
  try {
    const db = await openDatabase(path.join(dir, 'bench.db'));
    attachAuditKey(db, path.join(dir, 'claves'), resealLegacyChain, { keyingMigrationRan: false });
    const started = performance.now();
    const { editionId, stageId } = generate(db, { entries: 1000, jurors: 15, criteria: 12, categories: 4 });
    const scoreCount = queryOne<{ n: number }>(db, `SELECT count(*) AS n FROM score WHERE stage_id = ?`, stageId)!.n;
    console.log(`consolidación: ${scoreCount.toLocaleString('es-PE')} puntajes generados en ${ms(performance.now() - started)}`);

    const cold = timed(() => computeReport(db, editionId, stageId));
    const { sql, consolidation, ratios } = paired(WARMUPS, RUNS, () => queryAll(
      db,
      `SELECT s.entry_id, SUM(c.weight * s.value) / SUM(c.weight) AS avg FROM score s JOIN criterion c ON c.id = s.criterion_id
       WHERE s.stage_id = ? AND s.value IS NOT NULL GROUP BY s.entry_id`,
      stageId,
    ), () => computeReport(db, editionId, stageId));
    console.log(`  primera consolidación del proceso (JIT en frío): ${ms(cold.wall)}`);
    console.log(`  mediana de ${RUNS} pares alternados, tras ${WARMUPS} de calentamiento [mín–máx]:`);
    console.log(`  SQL GROUP BY media ponderada:        ${spread(sql.map((t) => t.wall))}   CPU ${spread(sql.map((t) => t.cpu))}`);
    console.log(`  consolidación (4 métodos + rankings): ${spread(consolidation.map((t) => t.wall))}   CPU ${spread(consolidation.map((t) => t.cpu))}`);
    // Where the consolidation's time goes: reading the stage (its SQL and the columns it fills)
    // against the rest (totals, methods, ranks, statistics and the result's objects).
    const reading = Array.from({ length: RUNS }, () => timed(() => loadStageData(db, editionId, stageId)));
    console.log(`  de ello, lectura de la etapa (SQL → columnas): ${spread(reading.map((t) => t.wall))}; el resto es cálculo y objetos del resultado`);
    const ratio = med(consolidation.map((t) => t.wall)) / med(sql.map((t) => t.wall));
    console.log(`  → razón ${ratio.toFixed(2)} (meta ≤ 3); por par ${ratios.map((r) => r.toFixed(2)).join(' ')}`);

    const stage = computeStage(db, editionId, stageId);
    const now = new Date();
    // The audit chain's verification (once per export) is not in these figures: the generated
    // scores have no audit rows of their own, so it would stop at the first one.
    const sheets = resultSheets(db, stage, now, 'bench');
    const cells = sheets.reduce((n, s) => n + (s.rows.length + 1) * s.headers.length, 0);
    const bareMs = await medianAsync(3, () => writeSheetsBare(sheets));
    const exportMs = await medianAsync(3, () => writeSheets(resultSheets(db, stage, now, 'bench'), { creator: 'bench', title: 'bench', created: now }));
    console.log(`  exceljs WorkbookWriter sin estilos (${cells.toLocaleString('es-PE')} celdas): ${ms(bareMs)}`);
    console.log(`  libro de resultados (celdas + escritura con estilos):  ${ms(exportMs)}  → razón ${(exportMs / bareMs).toFixed(2)} (meta ≤ 1,5)`);
    db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;

/**
 * The JIT needs a few runs to optimise the consolidation's JavaScript (the SQL side has no
 * warm-up), so steady state starts after WARMUPS; the first call is printed apart.
 */
const WARMUPS = 3;
const RUNS = 9;

interface Time {
  wall: number;
  /** CPU time of the process (all threads) over the same span: steadier than wall time on a busy machine. */
  cpu: number;
}

function timed(fn: () => unknown): Time {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** Runs a and b alternately, so both see the same load on a shared machine. */
function paired(warmups: number, runs: number, a: () => unknown, b: () => unknown): { sql: Time[]; consolidation: Time[]; ratios: number[] } {
  for (let i = 0; i < warmups; i++) {
    a();
    b();
  }
  const sql: Time[] = [];
  const consolidation: Time[] = [];
  for (let i = 0; i < runs; i++) {
    sql.push(timed(a));
    consolidation.push(timed(b));
  }
  return { sql, consolidation, ratios: consolidation.map((t, i) => t.wall / (sql[i] as Time).wall) };
}

const med = (values: readonly number[]): number => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] as number;
const spread = (values: readonly number[]): string => `${ms(med(values))} [${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}]`;

async function medianAsync(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

/** Park–Miller generator: the same data every run, so figures compare across machines and commits. */
function prng(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

/**
 * Every juror scores every entry (the densest design: 15 sheets per entry), with a per-juror
 * leniency and per-entry quality so the ranks, ties and z-scores have something to do; about
 * 1 % of sheets are abstentions. One audit row per submitted sheet.
 */
export function generate(db: Db, size: { entries: number; jurors: number; criteria: number; categories: number }): { editionId: number; stageId: number } {
  const random = prng(20241015);
  const now = '2024-10-15T15:00:00.000Z';
  return db.transaction(() => {
    const editionId = Number(
      execute(db, `INSERT INTO edition (year, name, name_key, created_at, updated_at) VALUES (2024, 'Bench', 'bench', ?, ?)`, now, now).lastInsertRowid,
    );
    const categories = Array.from({ length: size.categories }, (_, i) =>
      Number(execute(
        db,
        `INSERT INTO category (edition_id, name, name_key, position) VALUES (?, ?, ?, ?)`,
        editionId, `Categoría ${i + 1}`, `categoria ${i + 1}`, i,
      ).lastInsertRowid),
    );
    const criteria = Array.from({ length: size.criteria }, (_, i) =>
      Number(
        execute(
          db,
          `INSERT INTO criterion (edition_id, name, name_key, weight, scale_min, scale_max, scale_step, independent, position) VALUES (?, ?, ?, ?, 0, 4, 1, ?, ?)`,
          editionId, `Criterio ${i + 1}`, `criterio ${i + 1}`, 5 + (i % 4) * 5, i === size.criteria - 1 ? 1 : 0, i,
        ).lastInsertRowid,
      ),
    );
    const stageId = Number(execute(
      db,
      `INSERT INTO stage (edition_id, name, name_key, position, cutoff) VALUES (?, 'Evaluación', 'evaluacion', 0, 300)`,
      editionId,
    ).lastInsertRowid);
    const jurors = Array.from({ length: size.jurors }, (_, i) =>
      Number(
        execute(
          db,
          `INSERT INTO juror (edition_id, name, name_key, institution, cargo, created_at, updated_at) VALUES (?, ?, ?, 'MINEDU', 'Especialista', ?, ?)`,
          editionId, `Jurado ${i + 1}`, `jurado ${i + 1}`, now, now,
        ).lastInsertRowid,
      ),
    );
    const leniency = jurors.map(() => random() - 0.5);
    for (let e = 0; e < size.entries; e++) {
      const code = `2024-${String(e + 1).padStart(4, '0')}`;
      const entryId = Number(execute(
        db,
        `INSERT INTO entry (edition_id, code, title, title_key, category_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        editionId, code, `Práctica ${e + 1}`, `practica ${e + 1}`, categories[e % categories.length], now, now,
      ).lastInsertRowid);
      const quality = random() * 3;
      jurors.forEach((jurorId, j) => {
        execute(db, `INSERT INTO assignment (stage_id, juror_id, entry_id, source, created_at) VALUES (?, ?, ?, 'auto', ?)`, stageId, jurorId, entryId, now);
        const abstains = random() < 0.01;
        execute(
          db,
          `INSERT INTO score_sheet (stage_id, juror_id, entry_id, abstention, abstention_reason, submitted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
          stageId, jurorId, entryId, abstains ? 'abstain' : null, abstains ? 'Bench' : '', now, now,
        );
        if (!abstains) {
          for (const criterionId of criteria) {
            const value = Math.max(0, Math.min(4, Math.round(quality + (leniency[j] as number) + (random() - 0.5) * 1.5)));
            execute(
              db,
              `INSERT INTO score (stage_id, entry_id, juror_id, criterion_id, value, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
              stageId, entryId, jurorId, criterionId, value, now,
            );
          }
        }
        appendAudit(db, { at: now, actor: `juror:${jurorId}`, action: abstains ? 'sheet.abstain' : 'sheet.submit', editionId, stageId, jurorId, entryId });
      });
    }
    return { editionId, stageId };
  })();
}
