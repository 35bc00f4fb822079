import { z } from 'zod';
import { entryFields, evidenceLinks } from '../../../../shared/domain/schemas';
import type { Entry } from '../../../../shared/domain/types';
import { splitLines } from '../../lib/format';

/**
 * The entry form edits evidence links as text, one link per line; everything else is
 * the contract's own schema, so the form and the service give the same messages.
 */
export const entryFormSchema = entryFields.extend({
  evidenceLinks: z.string().transform(splitLines).pipe(evidenceLinks.unwrap()),
});

export type EntryFormInput = z.input<typeof entryFormSchema>;
export type EntryFormOutput = z.output<typeof entryFormSchema>;

export function entryFormValues(entry: Entry | null): EntryFormInput {
  return {
    code: entry?.code ?? '',
    igedId: entry?.igedId ?? null,
    region: entry?.region ?? '',
    title: entry?.title ?? '',
    categoryId: entry?.categoryId ?? null,
    startYear: entry?.startYear ?? null,
    summary: entry?.summary ?? '',
    problem: entry?.problem ?? '',
    results: entry?.results ?? '',
    evidenceLinks: entry?.evidenceLinks.join('\n') ?? '',
    contactName: entry?.contactName ?? '',
    contactCargo: entry?.contactCargo ?? '',
    contactEmail: entry?.contactEmail ?? '',
    contactPhone: entry?.contactPhone ?? '',
    team: entry?.team ?? '',
  };
}

/** Select values are strings in the DOM; the contract wants an id or null. */
export function idOrNull(value: unknown): number | null {
  if (value === '' || value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}
