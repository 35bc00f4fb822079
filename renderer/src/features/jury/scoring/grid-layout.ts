import { startTransition, useEffect, useState } from 'react';

// How the score grid is laid out and how much of it the first frame renders: column widths, row
// height, the scrolling box's size, and the painted-then-complete render. No React elements here.

/** Column widths of the grid, in rem (criteria columns share CRITERION_WIDTH_REM; the code's comes from the codes). */
export const COLUMN_WIDTH_REM: Record<string, number> = { title: 16, iged: 12, region: 9, status: 9 };
export const CRITERION_WIDTH_REM = 8.5;
/**
 * The code column is as wide as the longest code needs (codes like «BP2018-SURCUBAMBA» are
 * twice the width of «BP-0001»), at least the header's width; past the maximum a code ends in an
 * ellipsis (its full text stays in the cell for screen readers and in its tooltip) rather than
 * pushing the criteria out of a laptop's window.
 */
const CODE_MIN_REM = 7;
const CODE_MAX_REM = 22;
/** The row header's type and padding, as in styles.css (.data-table: 0.92rem, th padding 0.65rem) and jury.css (weight 600). */
const CODE_FONT_REM = 0.92;
const CODE_PADDING_REM = 2 * 0.65;

export function codeColumnWidthRem(codes: readonly string[]): number {
  const remPx = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return CODE_MAX_REM;
  context.font = `600 ${CODE_FONT_REM * remPx}px ${getComputedStyle(document.body).fontFamily}`;
  let widest = 0;
  for (const code of codes) widest = Math.max(widest, context.measureText(code).width);
  // Two pixels for the cell's border and for rounding.
  const needed = (widest + 2) / remPx + CODE_PADDING_REM;
  return Math.min(CODE_MAX_REM, Math.max(CODE_MIN_REM, Math.ceil(needed * 4) / 4));
}

export const ROW_HEIGHT = 52;
/**
 * The scrolling box's height: the window less the page around the grid, never under a minimum
 * (set here rather than in jury.css so that the virtualizer's first estimate below reads the same numbers).
 */
export const PAGE_AROUND_GRID_PX = 300;
export const MIN_GRID_HEIGHT_PX = 320;
/**
 * The box's size before it is measured. Without it the virtualizer starts at height 0, renders
 * the overscan rows only, measures the box in a layout effect and renders the grid a second time
 * (a second React pass and layout on the first view). Estimated from the window, the first pass
 * already renders the visible rows; the measurement then only corrects it if the page differs.
 */
export function estimatedGridRect() {
  return { width: window.innerWidth, height: Math.max(MIN_GRID_HEIGHT_PX, window.innerHeight - PAGE_AROUND_GRID_PX) };
}

/** Rows rendered beyond each edge of the visible ones: enough for Tab and the arrows to land on a rendered cell. */
export const OVERSCAN = 4;

/**
 * False for the grid's first frame, true once it is painted. Every score cell is an input, the
 * costliest element of the grid to render, lay out and paint, and of twelve criteria about five fit
 * in a laptop's window. So the first frame renders only the cells that can be in view: the rows in
 * the box (no overscan) and the criteria that fit in the window (useCriteriaShown). Once that frame
 * is painted the rest is rendered, at low priority (typing meanwhile comes first); from then on the
 * grid is as before: Tab, the arrows and scrolling find their cells rendered.
 */
export function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // requestAnimationFrame runs before the frame is painted; the timeout, after it.
    const frame = window.requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPainted(true)));
    });
    return () => {
      window.cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}

/**
 * How many criteria columns (from the first) the rows render: all once the grid is painted, before
 * that the ones that can be in view (the grid opens scrolled to its left edge and is never wider
 * than the window; the others are one empty spacer cell of the same width).
 */
export function useCriteriaShown(painted: boolean, count: number, leadingRem: number): number {
  const [inWindow] = useState(() => {
    const remPx = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    return Math.max(1, Math.ceil((window.innerWidth / remPx - leadingRem) / CRITERION_WIDTH_REM));
  });
  return painted ? count : Math.min(count, inWindow);
}
