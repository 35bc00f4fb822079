import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchConsolidation } from './consolidation';
import { benchEncuentro } from './encuentro';
import { writeEntriesWorkbook } from './entries-workbook';
import { benchScoreWrites } from './jury-scores';
import { measureBareRead, measureImport, type Measurement } from './measure';

/**
 * `npm run bench`: imports a generated 10,000-row entries workbook and reads the same file
 * with exceljs' bare streaming reader, each in its own child process so that peak RSS is
 * comparable, and prints both with their ratio. Targets (issue): ratio ≤ 1.5, peak RSS ≤ 250 MB.
 * Then the jury and Encuentro benchmarks (each prints its figures beside its own bare baseline).
 * Options: --rows N (10000), --runs N (5 per side, alternated; the medians are reported, with
 * each pair's ratio: on a shared machine a pair, run back to back, meets the same load),
 * --only import|scores|consolidation|grid|encuentro|projector|venue (comma-separated; default all),
 * --venue-seconds N (60: how long the simulated venue runs, and its bare baseline after it).
 */
/** Options the suites read (set from the command line in main). */
const options = { venueSeconds: 60 };
const SUITES: Record<string, () => Promise<void>> = {
  scores: benchScoreWrites,
  consolidation: benchConsolidation,
  // Browser suites load playwright-core lazily, so the import's measuring processes stay lean.
  grid: async () => (await import('./jury-grid')).benchJuryGrid(),
  encuentro: benchEncuentro,
  projector: async () => (await import('./encuentro-projector')).benchProjector(),
  venue: async () => (await import('./venue')).benchVenue(options.venueSeconds),
};
const TARGET_RATIO = 1.5;
const TARGET_RSS_MB = 250;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      mode: { type: 'string' },
      file: { type: 'string' },
      dir: { type: 'string' },
      rows: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '5' },
      only: { type: 'string' },
      'venue-seconds': { type: 'string', default: '60' },
    },
  });
  options.venueSeconds = Math.max(1, Number(values['venue-seconds']) || 60);
  if (values.mode === 'bare' && values.file) return report(await measureBareRead(values.file));
  if (values.mode === 'venue-devices') return (await import('./venue')).venueDevices();
  if (values.mode === 'import' && values.file && values.dir) return report(await measureImport(values.file, values.dir));

  const only = new Set((values.only ?? ['import', ...Object.keys(SUITES)].join(',')).split(','));
  if (only.has('import')) await benchImport(Number(values.rows), Math.max(1, Number(values.runs)));
  for (const [name, run] of Object.entries(SUITES)) {
    if (!only.has(name)) continue;
    console.log(`\n== ${name}`);
    await run();
  }
}

async function benchImport(rows: number, runs: number): Promise<void> {
  console.log('== import');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpge-bench-'));
  try {
    const file = path.join(dir, `postulaciones-${rows}.xlsx`);
    console.log(`Generando ${rows} filas × 15 columnas…`);
    await writeEntriesWorkbook(file, rows);
    console.log(`Archivo: ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB. ${runs} ejecución(es) por lado, alternadas, cada una en su proceso.\n`);

    const bare: Measurement[] = [];
    const imported: Measurement[] = [];
    for (let run = 0; run < runs; run++) {
      bare.push(await child(['--mode', 'bare', '--file', file]));
      const runDir = fs.mkdtempSync(path.join(dir, 'db-'));
      imported.push(await child(['--mode', 'import', '--file', file, '--dir', runDir]));
    }
    printTable(median(bare), median(imported), rows, imported.map((m, i) => m.wallMs / (bare[i]?.wallMs ?? Number.NaN)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function report(measurement: Measurement): void {
  console.log(JSON.stringify(measurement));
}

function child(args: string[]): Promise<Measurement> {
  const script = process.argv[1] ?? '';
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    proc.on('error', reject);
    proc.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`el proceso de medición terminó con código ${code}: ${out}`));
      resolve(JSON.parse(last) as Measurement);
    });
  });
}

/** The run with the median wall time (its own RSS with it, so the pair stays real). */
function median(runs: Measurement[]): Measurement {
  const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  const chosen = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!chosen) throw new Error('sin mediciones');
  return { ...chosen, peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)) };
}

function printTable(bare: Measurement, imported: Measurement, rows: number, pairRatios: number[]): void {
  const ratio = imported.wallMs / bare.wallMs;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const mb = (value: number) => `${value.toFixed(0)} MB`;
  const lines = [
    ['', 'tiempo (mediana)', 'RSS máx.', 'filas'],
    ['exceljs: lectura en streaming', seconds(bare.wallMs), mb(bare.peakRssMb), String(bare.rows)],
    ['importación (inspect + preview + commit)', seconds(imported.wallMs), mb(imported.peakRssMb), String(imported.rows)],
  ];
  const widths = lines[0]?.map((_, i) => Math.max(...lines.map((line) => (line[i] ?? '').length))) ?? [];
  for (const line of lines) console.log(line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('   '));
  const stages = Object.entries(imported.stages ?? {})
    .map(([name, ms]) => `${name} ${seconds(ms)}`)
    .join(', ');
  console.log(`\n  etapas de la importación: ${stages}`);
  console.log('  (la importación usa un trabajador de lectura ya iniciado, opción import.prewarmWorker, como la lectura usa exceljs ya cargado)');
  console.log(`  razón importación / lectura: ${ratio.toFixed(2)} (meta ≤ ${TARGET_RATIO}) ${ratio <= TARGET_RATIO ? 'CUMPLE' : 'NO CUMPLE'}`);
  console.log(`    razón de cada par (importación / lectura, una tras otra, con la misma carga de la máquina): ${pairRatios.map((r) => r.toFixed(2)).join(' ')}`);
  console.log(
    `  RSS máx. de la importación: ${mb(imported.peakRssMb)} (meta ≤ ${TARGET_RSS_MB} MB) ${imported.peakRssMb <= TARGET_RSS_MB ? 'CUMPLE' : 'NO CUMPLE'}`,
  );
  if (imported.rows !== rows) console.log(`  ATENCIÓN: se esperaban ${rows} postulaciones creadas y hubo ${imported.rows}.`);
  console.log(`  (node ${process.version}, ${os.cpus().length} núcleos, carga ${os.loadavg()[0]?.toFixed(1)})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
