/**
 * Text comparison for Spanish names typed by people: case, accents, spacing and
 * punctuation must not matter ("Áncash" = "ancash", "San  Martín" = "san martin").
 */
export function foldKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9ñ]+/g, ' ')
    .trim();
}

/** Like foldKey but also removes spaces, for header names ("Año de inicio" = "AÑODEINICIO"). */
export function compactKey(value: string): string {
  return foldKey(value).replace(/ /g, '');
}

/** Spanish collation for sorting lists the way a Peruvian reader expects (ñ after n, accents ignored). */
export const spanishCollator = new Intl.Collator('es-PE', { sensitivity: 'base', numeric: true });

export function compareSpanish(a: string, b: string): number {
  return spanishCollator.compare(a, b);
}

/** True when every word of the query appears, accent- and case-insensitively, in the text. */
export function matchesSearch(text: string, query: string): boolean {
  const q = foldKey(query);
  if (!q) return true;
  const hay = foldKey(text);
  return q.split(' ').every((word) => hay.includes(word));
}

/** Collapses runs of white space and trims; keeps the user's own capitalisation and accents. */
export function tidy(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
