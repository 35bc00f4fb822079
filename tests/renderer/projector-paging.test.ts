import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newestEdit } from '../../renderer/src/features/encuentro/projector/live-edit';
import {
  fitPages,
  lanePageOf,
  paginateLanes,
  paginateRows,
  rowPageOf,
  textSizes,
  type FlowGroup,
  type LaneBox,
  type LanePage,
  type RowPage,
  type TableBox,
  type TableRow,
} from '../../renderer/src/features/encuentro/projector/paging';

/**
 * The projector's paging as pure functions of measured heights: every item on exactly one page,
 * whole and in order; nothing taller than its lane or page unless a single item is; headings
 * repeated on continuations; as few pages as the minimum size allows.
 */

const group = (items: number[], head = 40): FlowGroup => ({ head, continuedHead: head, items, empty: 35 });
const LANES: LaneBox = { height: 450, gap: 10, lanes: 2 };

/** The height a lane's segments take, as the paginator must count it. */
function laneHeight(groups: readonly FlowGroup[], lane: LanePage['lanes'][number], gap: number): number {
  return lane.reduce((total, s, i) => {
    const g = groups[s.group]!;
    const body = g.items.length === 0 ? g.empty : g.items.slice(s.from, s.to).reduce((a, b) => a + b, 0);
    return total + (i > 0 ? gap : 0) + (s.continued ? g.continuedHead : g.head) + body;
  }, 0);
}

/** Every item of every group, in reading order, as [group, index] pairs. */
function laneOrder(pages: readonly LanePage[]): [number, number][] {
  return pages.flatMap((p) => p.lanes.flatMap((lane) => lane.flatMap((s) => Array.from({ length: s.to - s.from }, (_, k): [number, number] => [s.group, s.from + k]))));
}

describe('textSizes: the readable minimum follows the screen height', () => {
  it('never goes below 1/26 of the height: 28 px at 720 px, 42 px at 1080 px', () => {
    expect(textSizes(720)).toEqual([42, 40, 38, 36, 34, 32, 30, 28]);
    expect(Math.min(...textSizes(1080))).toBe(42);
    expect(Math.max(...textSizes(1080))).toBe(63);
  });
});

describe('fitPages: as large as the fewest pages allow', () => {
  it('keeps the largest size when everything fits on one page', () => {
    const asked: number[] = [];
    const result = fitPages([42, 40, 38], (size) => (asked.push(size), ['one']));
    expect(result).toEqual({ size: 42, pages: ['one'] });
    expect(asked).toEqual([42]);
  });

  it('shrinks down to the size where one page is enough', () => {
    const pagesAt: Record<number, number> = { 42: 3, 40: 2, 38: 1, 36: 1, 34: 1 };
    const result = fitPages([42, 40, 38, 36, 34], (size) => Array.from({ length: pagesAt[size]! }, (_, i) => i));
    expect(result.size).toBe(38);
    expect(result.pages).toHaveLength(1);
  });

  it('past the minimum, pages at the largest size that needs no more pages than the minimum does', () => {
    const pagesAt: Record<number, number> = { 42: 5, 40: 4, 38: 3, 36: 3, 34: 3, 28: 3 };
    const result = fitPages([42, 40, 38, 36, 34, 28], (size) => Array.from({ length: pagesAt[size]! }, (_, i) => i));
    expect(result).toEqual({ size: 38, pages: [0, 1, 2] });
  });

  it('stays at the minimum when every larger size needs more pages', () => {
    const pagesAt: Record<number, number> = { 42: 5, 40: 4, 28: 2 };
    expect(fitPages([42, 40, 28], (size) => Array.from({ length: pagesAt[size]! }, (_, i) => i)).size).toBe(28);
  });
});

describe('paginateLanes: the practice matrix in two lanes a page', () => {
  it('shows four short levels on one page, the levels in order', () => {
    const groups = [group([70, 70]), group([]), group([105]), group([])];
    const pages = paginateLanes(groups, LANES);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.lanes.flat().map((s) => s.group)).toEqual([0, 1, 2, 3]);
    expect(pages[0]!.lanes.flat().every((s) => !s.continued)).toBe(true);
  });

  it('continues a level taller than a lane in the next lane, under its repeated heading', () => {
    const groups = [{ head: 40, continuedHead: 80, items: Array(24).fill(41), empty: 35 }, group([]), group([]), group([])];
    const pages = paginateLanes(groups, LANES);
    const segments = pages.flatMap((p) => p.lanes.flat()).filter((s) => s.group === 0);
    expect(segments.length).toBeGreaterThan(1);
    expect(segments[0]!.continued).toBe(false);
    expect(segments.slice(1).every((s) => s.continued)).toBe(true);
    // The first lane takes 10 items (40 + 10·41 = 450), a continued lane 9 (80 + 9·41 = 449).
    expect(segments.map((s) => s.to - s.from)).toEqual([10, 9, 5]);
    for (const page of pages) for (const lane of page.lanes) expect(laneHeight(groups, lane, LANES.gap)).toBeLessThanOrEqual(LANES.height);
  });

  it('moves a level that fits a lane whole to the next lane rather than splitting it', () => {
    const groups = [group([150, 150]), group([100, 100])];
    const pages = paginateLanes(groups, LANES);
    expect(pages[0]!.lanes).toEqual([[{ group: 0, from: 0, to: 2, continued: false }], [{ group: 1, from: 0, to: 2, continued: false }]]);
  });

  it('never leaves a heading alone at the bottom of a lane', () => {
    const groups = [group([200, 200]), group(Array(20).fill(60))];
    const pages = paginateLanes(groups, LANES);
    for (const s of pages.flatMap((p) => p.lanes.flat())) expect(s.to - s.from).toBeGreaterThan(0);
  });

  it('fills the lanes, continuing a level under its repeated heading, when keeping levels whole would need another page', () => {
    // Whole, each level needs a lane of its own after the first: three lanes, two pages. Filled: one page.
    const groups = [group([100, 100]), group([100, 100]), group([100, 100])];
    const pages = paginateLanes(groups, LANES);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.lanes).toEqual([
      [
        { group: 0, from: 0, to: 2, continued: false },
        { group: 1, from: 0, to: 1, continued: false },
      ],
      [
        { group: 1, from: 1, to: 2, continued: true },
        { group: 2, from: 0, to: 2, continued: false },
      ],
    ]);
  });

  it('never ends a lane with a heading: a level whose first item does not fit under its heading starts the next lane', () => {
    // After the first level 100 px are left: room for the heading (40) but not for its first item (70).
    const groups = [group([300]), group([70, 70, 70, 70]), group(Array(8).fill(70))];
    const pages = paginateLanes(groups, LANES);
    const lanes = pages.flatMap((p) => p.lanes);
    expect(lanes[0]).toEqual([{ group: 0, from: 0, to: 1, continued: false }]);
    for (const lane of lanes) expect(lane[lane.length - 1]!.to - lane[lane.length - 1]!.from).toBeGreaterThan(0);
  });

  it('gives an item taller than a lane a lane of its own', () => {
    const groups = [group([50]), group([900]), group([50])];
    const pages = paginateLanes(groups, LANES);
    expect(pages.flatMap((p) => p.lanes)).toEqual([
      [{ group: 0, from: 0, to: 1, continued: false }],
      [{ group: 1, from: 0, to: 1, continued: false }],
      [{ group: 2, from: 0, to: 1, continued: false }],
    ]);
  });

  it('finds the page of an item', () => {
    const groups = [group(Array(30).fill(100)), group([50])];
    const pages = paginateLanes(groups, LANES);
    expect(lanePageOf(pages, 0, 0)).toBe(0);
    expect(lanePageOf(pages, 1, 0)).toBe(pages.length - 1);
    expect(lanePageOf(pages, 1, 5)).toBeNull();
  });

  it('for any content: every item once, in order, whole, and no lane overfull unless one item is', () => {
    const heights = fc.array(fc.integer({ min: 20, max: 600 }), { maxLength: 30 });
    fc.assert(
      fc.property(fc.array(heights, { minLength: 1, maxLength: 6 }), fc.integer({ min: 150, max: 700 }), (lists, height) => {
        const groups = lists.map((items) => group(items));
        const box = { height, gap: 10, lanes: 2 };
        const pages = paginateLanes(groups, box);
        const expected = groups.flatMap((g, gi) => g.items.map((_, i): [number, number] => [gi, i]));
        expect(laneOrder(pages)).toEqual(expected);
        for (const page of pages) {
          expect(page.lanes.length).toBeLessThanOrEqual(2);
          for (const lane of page.lanes) {
            const oneItem = lane.length === 1 && lane[0]!.to - lane[0]!.from === 1;
            if (!oneItem) expect(laneHeight(groups, lane, box.gap)).toBeLessThanOrEqual(height + 0.5);
          }
        }
        // No lane or page ends with a heading: every segment of a level with items holds one.
        for (const s of pages.flatMap((p) => p.lanes.flat())) if (groups[s.group]!.items.length > 0) expect(s.to - s.from).toBeGreaterThan(0);
        // Every group shows up, empty ones too, and its first segment is not a continuation.
        for (const [gi] of groups.entries()) expect(pages.flatMap((p) => p.lanes.flat()).find((s) => s.group === gi)?.continued).toBe(false);
      }),
    );
  });
});

const row = (cells: number[][], head = 40): TableRow => ({ head, continuedHead: head + 35, cells, empty: 35 });
const TABLE: TableBox = { height: 500, chrome: 12 };

function rowsHeight(rows: readonly TableRow[], page: RowPage): number {
  return page.rows.reduce((total, slice) => {
    const r = rows[slice.row]!;
    const cells = slice.cells.map(({ from, to }, c) => (r.cells[c]!.length === 0 ? (slice.continued ? 0 : r.empty) : r.cells[c]!.slice(from, to).reduce((a, b) => a + b, 0)));
    return total + TABLE.chrome + Math.max(slice.continued ? r.continuedHead : r.head, ...cells);
  }, 0);
}

describe('paginateRows: the sala synthesis, levels by axes', () => {
  it('puts rows that fit together on one page', () => {
    const rows = [row([[70, 70], [105]]), row([[], [70]]), row([[35], []]), row([[], []])];
    expect(paginateRows(rows, TABLE)).toEqual([
      {
        rows: [0, 1, 2, 3].map((r) => ({ row: r, cells: rows[r]!.cells.map((items) => ({ from: 0, to: items.length })), continued: false })),
      },
    ]);
  });

  it('starts a row that fits a page on a new page instead of splitting it', () => {
    const rows = [row([[300], [100]]), row([[100, 100], [250]])];
    const pages = paginateRows(rows, TABLE);
    expect(pages.map((p) => p.rows.map((s) => s.row))).toEqual([[0], [1]]);
  });

  it('continues a row taller than a page, each axis taking the whole items that fit, under the repeated heading', () => {
    const rows = [row([Array(8).fill(100), [100, 100]])];
    const pages = paginateRows(rows, TABLE);
    expect(pages.map((p) => p.rows[0]!.cells)).toEqual([
      [
        { from: 0, to: 4 },
        { from: 0, to: 2 },
      ],
      [
        { from: 4, to: 8 },
        { from: 2, to: 2 },
      ],
    ]);
    expect(pages.map((p) => p.rows[0]!.continued)).toEqual([false, true]);
    expect(rowPageOf(pages, 0, 0, 5)).toBe(1);
    expect(rowPageOf(pages, 0, 1, 1)).toBe(0);
  });

  it('for any content: every item once, in order, and no page overfull unless one item per column is alone on it', () => {
    const column = fc.array(fc.integer({ min: 20, max: 700 }), { maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(column, column), { minLength: 1, maxLength: 4 }), (lists) => {
        const rows = lists.map(([a, b]) => row([a, b]));
        const pages = paginateRows(rows, TABLE);
        for (const c of [0, 1]) {
          const seen = pages.flatMap((p) => p.rows.flatMap((s) => Array.from({ length: s.cells[c]!.to - s.cells[c]!.from }, (_, k) => `${s.row}:${s.cells[c]!.from + k}`)));
          expect(seen).toEqual(rows.flatMap((r, ri) => r.cells[c]!.map((_, i) => `${ri}:${i}`)));
        }
        for (const page of pages) {
          const forced = page.rows.length === 1 && page.rows[0]!.cells.every(({ from, to }) => to - from <= 1);
          if (!forced) expect(rowsHeight(rows, page)).toBeLessThanOrEqual(TABLE.height + 0.5);
        }
      }),
    );
  });
});

describe('newestEdit: the item whose page the projector shows', () => {
  const item = (id: number, text: string, revision: number, updatedAt: string) => ({ id, text, revision, updatedAt });
  const before = [item(1, 'uno', 1, '2026-01-01T10:00:00.000Z'), item(2, 'dos', 1, '2026-01-01T10:00:01.000Z')];

  it('is nothing on the first reading and when nothing changed', () => {
    expect(newestEdit(undefined, before)).toBeNull();
    expect(newestEdit(before, before.map((i) => ({ ...i })))).toBeNull();
  });

  it('is the item typed or added, the latest when several arrived at once', () => {
    expect(newestEdit(before, [item(1, 'uno más', 2, '2026-01-01T10:00:05.000Z'), before[1]!])).toBe(1);
    expect(newestEdit(before, [...before, item(3, 'tres', 1, '2026-01-01T10:00:09.000Z'), item(4, 'cuatro', 1, '2026-01-01T10:00:07.000Z')])).toBe(3);
  });
});
