import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sampleEditionFields } from './sample-edition';
import { FileParser } from '../services/import/run-parse';
import { createServices } from '../services/registry';
import { BENCH_CATEGORIES } from './entries-workbook';

/** What a measuring child prints on its last line, as JSON. */
export interface Measurement {
  wallMs: number;
  peakRssMb: number;
  rows: number;
  /** CPU time of the whole process (all threads) over the same span: steadier than wall time on a busy machine. */
  cpuMs?: number;
  stages?: Record<string, number>;
}

/** Peak resident set of this whole process (worker threads included), in MB. */
function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The reference: exceljs' streaming reader over the file, touching every cell, nothing else. */
export async function measureBareRead(file: string): Promise<Measurement> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let rows = 0;
  let cells = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      rows += 1;
      cells += (row.values as unknown[]).length;
    }
  }
  if (cells === 0) throw new Error('no se leyó ninguna celda');
  return { wallMs: performance.now() - started, peakRssMb: peakRssMb(), rows: rows - 1, cpuMs: cpuMsSince(cpu) };
}

/** The real thing, through the contract: inspect → preview → commit into a fresh database. */
export async function measureImport(file: string, dir: string): Promise<Measurement> {
  // As in the desktop app: one parser worker is kept ready with exceljs loaded.
  const services = await createServices({ dbPath: path.join(dir, 'bench.db'), demo: 'never', log: () => undefined, import: { prewarmWorker: true } });
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await services.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.result as T;
  };
  try {
    const edition = await call<{ id: number }>('editions.create', sampleEditionFields);
    for (const name of BENCH_CATEGORIES) await call('categories.create', { editionId: edition.id, fields: { name, description: '' } });

    await FileParser.allWarm();
    const stages: Record<string, number> = {};
    const started = performance.now();
    const cpu = process.cpuUsage();
    let mark = started;
    const lap = (name: string) => {
      const now = performance.now();
      stages[name] = now - mark;
      mark = now;
    };
    const dataBase64 = fs.readFileSync(file).toString('base64');
    const inspection = await call<{ token: string; selectedSheet: number; sheets: { suggestedMapping: unknown }[] }>('imports.inspect', {
      editionId: edition.id,
      fileName: path.basename(file),
      dataBase64,
    });
    lap('inspect');
    const sheet = inspection.selectedSheet;
    const mapping = inspection.sheets[sheet]?.suggestedMapping;
    const preview = await call<{ canCommit: boolean; totals: { errors: number } }>('imports.preview', { token: inspection.token, sheet, mapping });
    lap('preview');
    if (!preview.canCommit) throw new Error(`la vista previa tiene ${preview.totals.errors} errores`);
    const result = await call<{ created: number }>('imports.commit', { token: inspection.token, sheet, mapping });
    lap('commit');
    return { wallMs: performance.now() - started, peakRssMb: peakRssMb(), rows: result.created, cpuMs: cpuMsSince(cpu), stages };
  } finally {
    services.close();
  }
}
