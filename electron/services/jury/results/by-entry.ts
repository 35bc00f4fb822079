import type { SheetColumns } from '../../../../shared/scoring';

/**
 * Some of a stage's sheets grouped by entry (a counting sort on the entry's offset from the
 * first), so that a juror's sheet for an entry is found among that entry's dozen or so sheets:
 * no hash of 15,000 keys, no binary search per lookup. Used for the scored sheets the scores
 * fill (scores.ts) and for the done sheets the pending count checks assignments against (sheets.ts).
 */
export class SheetsByEntry {
  readonly count: number;
  readonly e0: number;
  readonly entrySpan: number;
  private readonly starts: Int32Array;
  private readonly rows: Int32Array;

  /** `include(s)`: whether sheet row s is one of those grouped. */
  constructor(
    private readonly sheets: SheetColumns,
    include: (s: number) => boolean,
  ) {
    let count = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let s = 0; s < sheets.count; s++) {
      if (!include(s)) continue;
      const e = sheets.entryId[s] as number;
      count += 1;
      if (e < lo) lo = e;
      if (e > hi) hi = e;
    }
    this.count = count;
    this.e0 = count === 0 ? 0 : lo;
    this.entrySpan = count === 0 ? 0 : hi - lo + 1;
    this.starts = new Int32Array(this.entrySpan + 1);
    this.rows = new Int32Array(count);
    for (let s = 0; s < sheets.count; s++) {
      if (!include(s)) continue;
      const after = (sheets.entryId[s] as number) - lo + 1;
      this.starts[after] = (this.starts[after] as number) + 1;
    }
    for (let e = 1; e <= this.entrySpan; e++) this.starts[e] = (this.starts[e] as number) + (this.starts[e - 1] as number);
    const next = this.starts.slice(0, this.entrySpan);
    for (let s = 0; s < sheets.count; s++) {
      if (!include(s)) continue;
      const slot = (sheets.entryId[s] as number) - lo;
      this.rows[next[slot] as number] = s;
      next[slot] = (next[slot] as number) + 1;
    }
  }

  /** The row of the grouped sheet of entry e0 + slot by the juror, or −1. */
  find(slot: number, jurorId: number): number {
    if (slot < 0 || slot >= this.entrySpan) return -1;
    for (let k = this.starts[slot] as number; k < (this.starts[slot + 1] as number); k++) {
      const s = this.rows[k] as number;
      if (this.sheets.jurorId[s] === jurorId) return s;
    }
    return -1;
  }
}
