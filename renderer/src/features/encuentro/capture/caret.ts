/**
 * Which visual line of a wrapping textarea the caret is on. The browser does not tell, so the
 * text up to a position is laid out again in a hidden copy with the textarea's width and type,
 * and a marker's height from the top gives that position's line.
 */
const COPIED = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'fontStretch',
  'fontVariant',
  'letterSpacing',
  'wordSpacing',
  'lineHeight',
  'textTransform',
  'textIndent',
  'tabSize',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
] as const;

function lineTops(el: HTMLTextAreaElement, positions: readonly number[]): number[] {
  const style = window.getComputedStyle(el);
  const mirror = document.createElement('div');
  for (const property of COPIED) mirror.style[property] = style[property];
  Object.assign(mirror.style, {
    position: 'absolute',
    visibility: 'hidden',
    top: '0',
    left: '-10000px',
    boxSizing: 'border-box',
    width: `${el.clientWidth}px`,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'break-word',
    wordBreak: style.wordBreak,
    border: '0',
  });
  document.body.appendChild(mirror);
  try {
    return positions.map((position) => {
      mirror.textContent = el.value.slice(0, position);
      const marker = document.createElement('span');
      // The character after the caret decides where a wrap falls; a zero-width space stands in at the end.
      marker.textContent = el.value.slice(position, position + 1) || '\u200b';
      mirror.appendChild(marker);
      return marker.offsetTop;
    });
  } finally {
    mirror.remove();
  }
}

/** Whether a collapsed caret is on the textarea's first and/or last visual line (wrapping included). */
export function caretLine(el: HTMLTextAreaElement): { first: boolean; last: boolean } {
  if (el.selectionStart !== el.selectionEnd) return { first: false, last: false };
  const [start, caret, end] = lineTops(el, [0, el.selectionStart, el.value.length]);
  return { first: caret === start, last: caret === end };
}
