/** What the projector compares between two readings of what it shows. */
export interface Editable {
  id: number;
  text: string;
  revision: number;
  updatedAt: string;
}

/**
 * The item most recently written among those that are new or changed from `before` to `after`
 * (null when none, or when there was no earlier reading: opening the projector shows page 1).
 * Whether the change came as a pushed event or in a full reading after a lost connection, the
 * projector then shows the page that holds it.
 */
export function newestEdit(before: readonly Editable[] | undefined, after: readonly Editable[]): number | null {
  if (!before) return null;
  const known = new Map(before.map((item) => [item.id, item]));
  let newest: Editable | null = null;
  for (const item of after) {
    const old = known.get(item.id);
    if (old && old.revision === item.revision && old.text === item.text) continue;
    if (!newest || item.updatedAt > newest.updatedAt) newest = item;
  }
  return newest?.id ?? null;
}
