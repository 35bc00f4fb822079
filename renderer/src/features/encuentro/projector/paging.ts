/**
 * Paging of the projector view, as pure functions of measured heights (px). The screen measures
 * every heading and item once per candidate type size (see measure.ts) and these functions decide
 * what goes on which page: whole items only, never an item cut between two pages; a group or row
 * that continues on the next lane or page repeats its heading, marked as a continuation.
 */

/**
 * The smallest type the room is shown, as a fraction of the screen height. Legibility is an angle:
 * ISO 9241-3 (now 9241-303) asks for characters of at least 16 minutes of arc, ideally 20–22. The
 * classic "4-6-8" seating rule for projection puts the farthest seat that must read detail at six
 * image heights. A capital of our sans-serif is ≈ 0.72 of the font size, so a font of H/26
 * (28 px on a 720 px screen) makes a capital 0.72·H/26 ≈ H/36 tall, which from 6·H subtends
 * 1/216 rad ≈ 16 arcmin: the minimum. Below it the last rows stop reading; so below it we page.
 * Being a fraction of the height, the rule holds on any projector resolution (42 px at 1080 px).
 */
export const MIN_TEXT_FRACTION = 1 / 26;
/** Short content is shown larger, up to 1.5 times the minimum (42 px at 720 px), as before. */
export const MAX_TEXT_RATIO = 1.5;
const SIZE_STEP = 2;

/** Candidate item font sizes for a screen of this height, largest first, ending at the minimum. */
export function textSizes(screenHeight: number): number[] {
  const min = Math.round(screenHeight * MIN_TEXT_FRACTION);
  const max = Math.round(min * MAX_TEXT_RATIO);
  const sizes: number[] = [];
  for (let size = max; size > min; size -= SIZE_STEP) sizes.push(size);
  sizes.push(min);
  return sizes;
}

/**
 * The largest size that needs no more pages than the minimum size needs: text that fits on one
 * screen is shown as large as it fits (down to the minimum); text that does not is shown on as
 * few pages as possible, as large as that number of pages allows. `layoutAt` is called at most
 * once per size.
 */
export function fitPages<P>(sizes: readonly number[], layoutAt: (size: number) => P[]): { size: number; pages: P[] } {
  const largest = sizes[0];
  const smallest = sizes[sizes.length - 1];
  if (largest === undefined || smallest === undefined) throw new Error('fitPages: no sizes');
  const first = layoutAt(largest);
  if (first.length <= 1 || sizes.length === 1) return { size: largest, pages: first };
  const atMin = layoutAt(smallest);
  for (const size of sizes.slice(1, -1)) {
    const pages = layoutAt(size);
    if (pages.length <= atMin.length) return { size, pages };
  }
  return { size: smallest, pages: atMin };
}

/** Sub-pixel rounding of the layout engine: a sum may exceed the room by this much and still fit. */
const EPSILON = 0.5;

// ---- Lanes: the practice matrix, its level groups flowing down two columns per page ----

/** One level of the chosen block: its heading (as first shown and as a continuation), its items, or the "—" of an empty level. */
export interface FlowGroup {
  head: number;
  continuedHead: number;
  items: readonly number[];
  empty: number;
}

/** Items [from, to) of one group in one lane; `continued` when the group began in an earlier lane. */
export interface Segment {
  group: number;
  from: number;
  to: number;
  continued: boolean;
}

export type Lane = Segment[];

export interface LanePage {
  lanes: Lane[];
}

export interface LaneBox {
  /** Height of a lane (px). */
  height: number;
  /** Vertical gap between two groups in a lane (px). */
  gap: number;
  lanes: number;
}

/**
 * Flows the groups down the lanes, page after page. A group that fits in one lane is kept whole
 * (it starts a new lane instead) unless that costs a page: then groups fill each lane and continue
 * in the next one, so the width is used before the type shrinks or the block pages. A group that
 * continues does so under its repeated heading, and a heading always keeps at least its first item
 * with it: no lane ends with a heading. An item taller than a whole lane is given a lane of its own
 * (it cannot be shown whole at the minimum size; the lane clips it).
 */
export function paginateLanes(groups: readonly FlowGroup[], box: LaneBox): LanePage[] {
  const whole = toPages(flowLanes(groups, box, true), box.lanes);
  if (whole.length <= 1) return whole;
  const filled = toPages(flowLanes(groups, box, false), box.lanes);
  return filled.length < whole.length ? filled : whole;
}

function toPages(lanes: readonly Lane[], perPage: number): LanePage[] {
  const pages: LanePage[] = [];
  for (let i = 0; i < lanes.length; i += perPage) pages.push({ lanes: lanes.slice(i, i + perPage) });
  return pages;
}

/** The lanes, in reading order; `keepWhole`: a group that fits in a lane is never split. */
function flowLanes(groups: readonly FlowGroup[], box: LaneBox, keepWhole: boolean): Lane[] {
  const lanes: Lane[] = [];
  let lane: Lane = [];
  let used = 0;
  const room = () => box.height - used - (lane.length > 0 ? box.gap : 0);
  const closeLane = () => {
    lanes.push(lane);
    lane = [];
    used = 0;
  };
  const place = (segment: Segment, height: number) => {
    used += (lane.length > 0 ? box.gap : 0) + height;
    lane.push(segment);
  };

  groups.forEach((group, index) => {
    const whole = group.head + (group.items.length === 0 ? group.empty : sum(group.items));
    const fits = whole <= room() + EPSILON;
    if (lane.length > 0 && !fits && (keepWhole || group.items.length === 0) && whole <= box.height + EPSILON) closeLane();
    if (group.items.length === 0) {
      place({ group: index, from: 0, to: 0, continued: false }, whole);
      return;
    }
    let from = 0;
    while (from < group.items.length) {
      const continued = from > 0;
      const head = continued ? group.continuedHead : group.head;
      let to = from;
      let height = head;
      while (to < group.items.length && height + group.items[to]! <= room() + EPSILON) height += group.items[to++]!;
      if (to === from) {
        if (lane.length > 0) {
          closeLane();
          continue;
        }
        height += group.items[to++]!; // taller than a lane on its own
      }
      place({ group: index, from, to, continued }, height);
      from = to; // the lane is full: the next turn of the loop opens another
    }
  });
  if (lane.length > 0 || lanes.length === 0) closeLane();
  return lanes;
}

/** The page that shows item `index` of group `group`, or null. */
export function lanePageOf(pages: readonly LanePage[], group: number, index: number): number | null {
  const found = pages.findIndex((page) => page.lanes.some((lane) => lane.some((s) => s.group === group && index >= s.from && index < s.to)));
  return found < 0 ? null : found;
}

// ---- Rows: the sala synthesis, a table of levels (rows) by axes (columns) ----

/** One level of the synthesis: its row heading (first and continued), the items of each axis, the "—" of an empty cell. */
export interface TableRow {
  head: number;
  continuedHead: number;
  cells: readonly (readonly number[])[];
  empty: number;
}

/** Items [from, to) of each column of one row on one page. */
export interface RowSlice {
  row: number;
  cells: { from: number; to: number }[];
  continued: boolean;
}

export interface RowPage {
  rows: RowSlice[];
}

export interface TableBox {
  /** Height available to the table body on a page (px). */
  height: number;
  /** What a row adds to its tallest cell: paddings and its border (px). */
  chrome: number;
}

/**
 * Rows down the pages. A row that fits on a page is never split (it starts a new page instead); a
 * taller one continues on the next page under its repeated heading, each column taking the whole
 * items that fit. An item taller than a page is given a page of its own (clipped).
 */
export function paginateRows(rows: readonly TableRow[], box: TableBox): RowPage[] {
  const pages: RowPage[] = [];
  let page: RowSlice[] = [];
  let used = 0;
  const closePage = () => {
    pages.push({ rows: page });
    page = [];
    used = 0;
  };
  const cellHeight = (row: TableRow, column: number, from: number, to: number, continued: boolean) =>
    row.cells[column]!.length === 0 ? (continued ? 0 : row.empty) : sum(row.cells[column]!.slice(from, to));

  rows.forEach((row, index) => {
    const whole = box.chrome + Math.max(row.head, ...row.cells.map((_, c) => cellHeight(row, c, 0, row.cells[c]!.length, false)));
    if (page.length > 0 && used + whole > box.height + EPSILON && whole <= box.height + EPSILON) closePage();
    const next = row.cells.map(() => 0);
    let continued = false;
    for (;;) {
      const head = continued ? row.continuedHead : row.head;
      const room = box.height - used - box.chrome;
      const start = [...next];
      row.cells.forEach((items, c) => {
        let height = 0;
        while (next[c]! < items.length && height + items[next[c]!]! <= room + EPSILON) height += items[next[c]!++]!;
      });
      const remaining = (c: number) => next[c]! < row.cells[c]!.length;
      const progressed = next.some((n, c) => n > start[c]!) || row.cells.every((items) => items.length === 0);
      const content = Math.max(head, ...row.cells.map((_, c) => cellHeight(row, c, start[c]!, next[c]!, continued)));
      if (!progressed || content > room + EPSILON) {
        if (page.length > 0) {
          start.forEach((n, c) => (next[c] = n));
          closePage();
          continue;
        }
        // Alone on an empty page and still too tall: one item per column, clipped by the page.
        row.cells.forEach((_, c) => {
          if (next[c] === start[c] && remaining(c)) next[c]! += 1;
        });
      }
      const height = box.chrome + Math.max(head, ...row.cells.map((_, c) => cellHeight(row, c, start[c]!, next[c]!, continued)));
      page.push({ row: index, cells: start.map((from, c) => ({ from, to: next[c]! })), continued });
      used += height;
      if (!row.cells.some((_, c) => remaining(c))) break;
      closePage();
      continued = true;
    }
  });
  if (page.length > 0 || pages.length === 0) closePage();
  return pages;
}

/** The page that shows item `index` of column `column` of row `row`, or null. */
export function rowPageOf(pages: readonly RowPage[], row: number, column: number, index: number): number | null {
  const found = pages.findIndex((page) =>
    page.rows.some((slice) => {
      const cell = slice.cells[column];
      return slice.row === row && cell !== undefined && index >= cell.from && index < cell.to;
    }),
  );
  return found < 0 ? null : found;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
