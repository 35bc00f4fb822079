import type { ColumnMapping, ImportInspection } from '../../../../shared/domain/import-types';
import type { Db } from '../../../db/open';
import { stampOf, type DbStamp } from '../db-stamp';
import type { RowSink, SheetRow } from '../file/parse-types';
import { suggestMapping } from './headers';
import { findHeader, HEADER_SCAN_ROWS, headerLabels } from './inspect';
import { EntryPlanner } from './plan';
import { planKey, type CachedPlan, type StoredEntryImport } from './plan-cache';

interface SheetAhead {
  /** The first rows, until the header can be told (HEADER_SCAN_ROWS of them). */
  head: SheetRow[];
  rows: number;
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping;
  planner: EntryPlanner | null;
  stamp: DbStamp | null;
  /** Whether its header was looked for (and its planning started, if worth it). */
  started: boolean;
}

/**
 * Validates an entries file while the parser worker is still reading it: as each sheet's rows
 * arrive (a RowSink given to FileParser.parse), its header is located from its first rows and
 * the rows are planned with the mapping the inspection will suggest — the one the user accepts
 * most of the time. The preview then finds that plan ready (plan-cache), instead of starting
 * the whole validation only once the file is read. It is exactly the plan the preview would
 * make: same rows, header, mapping and database (the stamp taken before the first row); if any
 * of these turns out different, it is simply not used.
 */
export class PlanAhead implements RowSink {
  private readonly sheets: SheetAhead[] = [];

  constructor(
    private readonly db: Db,
    private readonly editionId: number,
  ) {}

  sheet(): void {
    this.settleLast();
    this.sheets.push({ head: [], rows: 0, headerRow: 0, headers: [], mapping: {}, planner: null, stamp: null, started: false });
  }

  rows(rows: SheetRow[]): void {
    const sheet = this.sheets[this.sheets.length - 1];
    if (!sheet) return;
    sheet.rows += rows.length;
    if (sheet.planner) return sheet.planner.add(rows);
    if (sheet.started) return;
    sheet.head.push(...rows);
    if (sheet.head.length >= HEADER_SCAN_ROWS) this.start(sheet);
  }

  /** A sheet shorter than the header scan is started once it is known to have ended. */
  private settleLast(): void {
    const last = this.sheets[this.sheets.length - 1];
    if (last && !last.started) this.start(last);
  }

  private start(sheet: SheetAhead): void {
    sheet.started = true;
    const { head } = sheet;
    sheet.head = [];
    const { index } = findHeader(head);
    const header = head[index];
    if (!header) return;
    sheet.headerRow = header.row;
    sheet.headers = headerLabels(header, header.cells.length);
    sheet.mapping = suggestMapping(sheet.headers);
    // A sheet without the required columns (instructions, lists…) is not worth planning.
    if (sheet.mapping.title === undefined || sheet.mapping.iged === undefined) return;
    sheet.stamp = stampOf(this.db);
    sheet.planner = new EntryPlanner(this.db, this.editionId, sheet, sheet.mapping);
    sheet.planner.add(head.slice(index + 1));
  }

  /**
   * The plan of the sheet the inspection selects, under the mapping it suggests, if it was
   * planned while reading: to be stored as the import's lastPlan. `stored.sheets` are the
   * parsed sheets that have rows, in file order, as the sink received them.
   */
  planFor(stored: StoredEntryImport, inspection: ImportInspection): CachedPlan | undefined {
    this.settleLast();
    const index = inspection.selectedSheet;
    const ahead = this.sheets.filter((sheet) => sheet.rows > 0)[index];
    const sheet = stored.sheets[index];
    const mapping = inspection.sheets[index]?.suggestedMapping;
    if (!ahead?.planner || !ahead.stamp || !sheet || !mapping) return undefined;
    const key = planKey(index, mapping);
    const same =
      ahead.headerRow === sheet.headerRow &&
      ahead.planner.rowsAdded === sheet.rows.length &&
      planKey(index, ahead.mapping) === key &&
      ahead.headers.every((label, column) => sheet.headers[column] === label);
    return same ? { key, stamp: ahead.stamp, plan: ahead.planner.finish() } : undefined;
  }
}
