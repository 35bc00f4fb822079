import type { z } from 'zod';
import { EMAIL_PATTERN, LINK_PATTERN, YEAR_BOUNDS, type entryFields } from '../../../../shared/domain/schemas';
import type { EntryFields } from '../../entries/write';

type EntryCandidate = z.input<typeof entryFields>;

/** The longest text entryFields accepts per field (after trimming); tests/unit/import/fields-check.test.ts holds it to the schema. */
export const TEXT_MAX = {
  code: 50,
  region: 100,
  title: 500,
  summary: 8000,
  problem: 8000,
  results: 8000,
  contactName: 200,
  contactCargo: 200,
  contactEmail: 200,
  contactPhone: 50,
  team: 2000,
} as const satisfies Partial<Record<keyof EntryCandidate, number>>;

/** entryFields' most evidence links. */
export const MAX_LINKS = 50;

/**
 * Whether entryFields would accept this row as it is and return it unchanged: every text
 * already trimmed and within its length, the title not empty, ids positive integers, the year
 * within bounds, the e-mail and links in the form's patterns.
 *
 * Why: zod's safeParse costs ≈ 17 µs a row in a freshly started process (≈ 170 ms of a
 * 10,000-row import, on the main thread while the worker is still reading the file), and almost
 * every row of a real file is valid. Such rows skip it; any other row still goes through
 * entryFields.safeParse, so its messages are the form's own. When this says true, it must be
 * true for zod too: a false "false" only costs time.
 */
export function alreadyValid(candidate: EntryCandidate): candidate is EntryFields {
  const c = candidate;
  return (
    text(c.code, TEXT_MAX.code) &&
    text(c.region, TEXT_MAX.region) &&
    text(c.title, TEXT_MAX.title) &&
    c.title !== '' &&
    text(c.summary, TEXT_MAX.summary) &&
    text(c.problem, TEXT_MAX.problem) &&
    text(c.results, TEXT_MAX.results) &&
    text(c.contactName, TEXT_MAX.contactName) &&
    text(c.contactCargo, TEXT_MAX.contactCargo) &&
    text(c.contactEmail, TEXT_MAX.contactEmail) &&
    (c.contactEmail === '' || EMAIL_PATTERN.test(c.contactEmail)) &&
    text(c.contactPhone, TEXT_MAX.contactPhone) &&
    text(c.team, TEXT_MAX.team) &&
    idOrNull(c.igedId) &&
    idOrNull(c.categoryId) &&
    (c.startYear === null || (Number.isSafeInteger(c.startYear) && (c.startYear as number) >= YEAR_BOUNDS.entryMin && (c.startYear as number) <= YEAR_BOUNDS.entryMax)) &&
    links(c.evidenceLinks)
  );
}

function text(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max && value.trim() === value;
}

function idOrNull(value: unknown): boolean {
  return value === null || (Number.isSafeInteger(value) && (value as number) > 0);
}

function links(value: unknown): boolean {
  return Array.isArray(value) && value.length <= MAX_LINKS && value.every((link) => typeof link === 'string' && link.trim() === link && LINK_PATTERN.test(link));
}
