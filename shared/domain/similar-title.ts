import { foldKey } from './text';

/**
 * Two practice titles at or above this similarity are reported as a possible duplicate. 0.8 on
 * the Sørensen–Dice coefficient of letter pairs catches a word added or dropped, typos and
 * accents («Vigilancia colaborativa en la distribución de materiales» vs «… de materiales
 * educativos» ≈ 0.93), while two different practices of one IGED that share a theme word
 * («Calendarización diferenciada» vs «Calendarización comunal» ≈ 0.64) stay apart.
 */
export const SIMILAR_TITLE_THRESHOLD = 0.8;

/** Letter pairs of a folded title, spaces removed, with their counts. */
function pairs(key: string): Map<string, number> {
  const text = key.replace(/ /g, '');
  const counts = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i += 1) {
    const pair = text.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** Sørensen–Dice similarity (0–1) of two already folded titles (foldKey). */
export function titleKeySimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const left = pairs(a);
  const right = pairs(b);
  let total = 0;
  for (const count of left.values()) total += count;
  for (const count of right.values()) total += count;
  if (total === 0) return 0;
  let shared = 0;
  for (const [pair, count] of left) shared += Math.min(count, right.get(pair) ?? 0);
  return (2 * shared) / total;
}

export function similarTitles(a: string, b: string): boolean {
  return titleKeySimilarity(foldKey(a), foldKey(b)) >= SIMILAR_TITLE_THRESHOLD;
}

/** An entry as the near-duplicate check compares it: its folded title and where it is. */
export interface TitledEntry {
  code: string;
  title: string;
  titleKey: string;
  edition: string;
}

/** The entries whose title is very similar to `titleKey` (already folded), as the review shows them. */
export function nearDuplicateTitles(entries: readonly TitledEntry[], titleKey: string): { code: string; title: string; edition: string }[] {
  return entries
    .filter((other) => titleKeySimilarity(other.titleKey, titleKey) >= SIMILAR_TITLE_THRESHOLD)
    .map(({ code, title, edition }) => ({ code, title, edition }));
}
