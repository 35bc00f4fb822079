import type { Locator, Page } from 'playwright-core';

/** The focus indicator of one element, as the browser draws it, and what it is drawn on. */
export interface FocusRing {
  focusVisible: boolean;
  outlineStyle: string;
  outlineWidthPx: number;
  outlineColor: string;
  /** The first opaque background just outside the outline, whatever element paints it there. */
  background: string;
  /** Outline against that background, as WCAG computes contrast. */
  ratio: number;
}

// Runs in the page, as a string: the node tsconfig has no DOM types.
const READ_RING = `(() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  // A point one pixel beyond the outline's outer edge, left of the element (right, at the
  // window's edge); a positioned element (the skip link over the header) is judged by what is
  // really under it, not by its parent.
  const rect = el.getBoundingClientRect();
  const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) + 1;
  const x = rect.left - reach >= 0 ? rect.left - reach : rect.right + reach;
  const y = rect.top + rect.height / 2;
  let background = '';
  for (const node of document.elementsFromPoint(x, y)) {
    if (el.contains(node)) continue;
    const color = getComputedStyle(node).backgroundColor;
    if (color !== 'transparent' && !/^rgba\\(.*,\\s*0\\)$/.test(color)) {
      background = color;
      break;
    }
  }
  return {
    focusVisible: el.matches(':focus-visible'),
    outlineStyle: style.outlineStyle,
    outlineWidthPx: parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor,
    background: background || getComputedStyle(document.documentElement).backgroundColor || 'rgb(255, 255, 255)',
  };
})()`;

function channels(color: string): [number, number, number] {
  const match = /rgba?\((\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)/.exec(color);
  if (!match) throw new Error(`Unrecognized color: ${color}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function luminance(color: string): number {
  const [r, g, b] = channels(color).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two CSS rgb() colors. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Gives `target` the keyboard focus and reads its ring. A Tab first puts the page in keyboard
 * mode, so the focus that follows is :focus-visible as when a person tabs to the control.
 */
export async function focusRing(page: Page, target: Locator): Promise<FocusRing> {
  await page.keyboard.press('Tab');
  await target.focus();
  const ring = (await page.evaluate(READ_RING)) as Omit<FocusRing, 'ratio'>;
  return { ...ring, ratio: contrastRatio(ring.outlineColor, ring.background) };
}
