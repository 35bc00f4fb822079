/** New order of ids after moving one item by one place (unchanged when it is already at that end). */
export function movedIds(ids: readonly number[], index: number, delta: -1 | 1): number[] {
  const next = [...ids];
  const target = index + delta;
  if (target < 0 || target >= next.length) return next;
  const [moved] = next.splice(index, 1);
  if (moved !== undefined) next.splice(target, 0, moved);
  return next;
}
