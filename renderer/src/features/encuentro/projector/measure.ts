import { fitPages, paginateLanes, paginateRows, type LanePage, type RowPage } from './paging';

/**
 * The heights paging.ts works on, measured in the projector page's own layout (same lane or
 * column widths, same CSS) at every candidate type size. An item's height depends only on its
 * text, the size and the width, so each is measured once and remembered: while the moderator
 * types, only the item being typed is measured again, not the whole block.
 */

/** What is measured: an item, a heading (of a level in a lane, or of a table row), the "—" of an empty cell, the table's header row. */
export type MeasureKind = 'item' | 'head' | 'none' | 'thead';

/** What an empty cell shows. */
export const NONE = '—';

const keyOf = (kind: string, text: string) => `${kind}\u0000${text}`;

/** The projector's CSS gives measured elements bottom margins only, so box + margins is what each adds to a column. */
function flowHeight(el: Element): number {
  const style = getComputedStyle(el);
  return el.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
}

export class HeightCache {
  private readonly known = new Map<string, readonly number[]>();

  /** `sizes`: the candidate item font sizes (textSizes); a cache serves one screen, `width` px wide. */
  constructor(
    readonly sizes: readonly number[],
    readonly width: number,
  ) {}

  missing(kind: MeasureKind, text: string): boolean {
    return !this.known.has(keyOf(kind, text));
  }

  height(kind: MeasureKind, text: string, size: number): number {
    const heights = this.known.get(keyOf(kind, text));
    const index = this.sizes.indexOf(size);
    if (!heights || index < 0) throw new Error(`Not measured: ${kind} «${text}» at ${size} px`);
    return heights[index]!;
  }

  /**
   * Measures every `[data-measure]` element under `root` (its kind; its text is `data-text`, else
   * its content) at every size, setting the size on `root` and removing it afterwards.
   */
  measure(root: HTMLElement): void {
    const elements = [...root.querySelectorAll<HTMLElement>('[data-measure]')];
    if (elements.length === 0) return;
    const heights = elements.map(() => [] as number[]);
    try {
      for (const size of this.sizes) {
        root.style.setProperty('--projector-font', `${size}px`);
        elements.forEach((el, i) => heights[i]!.push(flowHeight(el)));
      }
    } finally {
      root.style.removeProperty('--projector-font');
    }
    elements.forEach((el, i) => this.known.set(keyOf(el.dataset.measure ?? '', el.dataset.text ?? el.textContent ?? ''), heights[i]!));
  }

  /** Forgets what is no longer shown (the intermediate texts of an item being typed). */
  retain(shown: readonly [MeasureKind, string][]): void {
    const keep = new Set(shown.map(([kind, text]) => keyOf(kind, text)));
    for (const key of this.known.keys()) if (!keep.has(key)) this.known.delete(key);
  }
}

/** The distinct texts of one kind that the cache has not measured yet: what the measuring copy renders. */
export function unmeasured(cache: HeightCache, kind: MeasureKind, texts: readonly string[]): string[] {
  return [...new Set(texts)].filter((text) => cache.missing(kind, text));
}

const px = (value: string) => parseFloat(value) || 0;

/** A level of the practice view (a lane group) or of the synthesis (a table row), as texts. */
export interface MeasuredGroup {
  head: string;
  continuedHead: string;
}

export interface LaneGroupTexts extends MeasuredGroup {
  items: readonly string[];
}

export interface RowTexts extends MeasuredGroup {
  cells: readonly (readonly string[])[];
}

const heads = (groups: readonly MeasuredGroup[]): [MeasureKind, string][] => groups.flatMap((g): [MeasureKind, string][] => [['head', g.head], ['head', g.continuedHead]]);

/** The practice view: measures what `lane` (the measuring lane) holds, then pages `groups` at the best size. */
export function fitLanes(cache: HeightCache, lane: HTMLElement, groups: readonly LaneGroupTexts[], lanes: number): { size: number; pages: LanePage[] } {
  cache.measure(lane);
  const box = { height: lane.clientHeight, gap: px(getComputedStyle(lane).rowGap), lanes };
  const fitted = fitPages(cache.sizes, (size) =>
    paginateLanes(
      groups.map((g) => ({
        head: cache.height('head', g.head, size),
        continuedHead: cache.height('head', g.continuedHead, size),
        items: g.items.map((text) => cache.height('item', text, size)),
        empty: cache.height('none', NONE, size),
      })),
      box,
    ),
  );
  cache.retain([...heads(groups), ...groups.flatMap((g) => g.items.map((text): [MeasureKind, string] => ['item', text])), ['none', NONE]]);
  return fitted;
}

/** The synthesis view: measures what `table` (the measuring table) holds, then pages `rows` in `pageHeight` at the best size. */
export function fitRows(cache: HeightCache, table: HTMLTableElement, rows: readonly RowTexts[], pageHeight: number): { size: number; pages: RowPage[] } {
  cache.measure(table);
  const style = getComputedStyle(table);
  const cell = table.querySelector('tbody td');
  const cellStyle = cell ? getComputedStyle(cell) : null;
  // Paddings are in vh (encuentro.css): what a row adds to its tallest cell does not depend on the type size.
  const chrome = cellStyle ? px(cellStyle.paddingTop) + px(cellStyle.paddingBottom) + px(cellStyle.borderBottomWidth) : 0;
  const body = pageHeight - px(style.borderTopWidth) - px(style.borderBottomWidth);
  const fitted = fitPages(cache.sizes, (size) =>
    paginateRows(
      rows.map((r) => ({
        head: cache.height('head', r.head, size),
        continuedHead: cache.height('head', r.continuedHead, size),
        cells: r.cells.map((texts) => texts.map((text) => cache.height('item', text, size))),
        empty: cache.height('none', NONE, size),
      })),
      { height: body - cache.height('thead', '', size), chrome },
    ),
  );
  cache.retain([...heads(rows), ...rows.flatMap((r) => r.cells.flat().map((text): [MeasureKind, string] => ['item', text])), ['none', NONE], ['thead', '']]);
  return fitted;
}
