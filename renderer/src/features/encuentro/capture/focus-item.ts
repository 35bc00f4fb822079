/**
 * Focuses an item's textarea, caret at the end. Synchronously when it is already on screen (the
 * next keystroke must land there, even from a fast typist), else as soon as React has drawn it.
 */
export function focusItem(key: string): void {
  const attempt = (): boolean => {
    const el = document.querySelector<HTMLTextAreaElement>(`[data-item-key="${CSS.escape(key)}"]`);
    if (!el) return false;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
    return true;
  };
  if (attempt()) return;
  queueMicrotask(() => {
    if (attempt()) return;
    const retry = (tries: number) => {
      if (!attempt() && tries > 0) window.requestAnimationFrame(() => retry(tries - 1));
    };
    window.requestAnimationFrame(() => retry(5));
  });
}
