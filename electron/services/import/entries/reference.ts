import { createIgedMatcher, type IgedCandidate, type IgedMatch } from '../../../../shared/domain/iged-match';
import { resolveRegion } from '../../../../shared/domain/regions';
import type { TitledEntry } from '../../../../shared/domain/similar-title';
import { foldKey } from '../../../../shared/domain/text';
import type { Category } from '../../../../shared/domain/types';
import type { Db } from '../../../db/open';
import { queryAll } from '../../../db/query';
import type { EntryLookups } from '../../entries/write';
import { listCategories } from '../../editions/read';
import { loadIgedCandidates } from '../../reference/candidates';

/** What row validation compares against, read once per preview/commit from the current database. */
export interface EntryReference {
  editionId: number;
  /** Memoised per distinct (name, region): a file names the same few IGEDs thousands of times. */
  matchIged: (name: string, regionHint: string | null) => IgedMatch;
  resolveRegion: (text: string) => string | null;
  categories: Category[];
  /** The edition's category with this name, compared with foldKey (memoised, like matchIged). */
  categoryNamed: (text: string) => Category | undefined;
  entryByCode: Map<string, number>;
  /** `${igedId}|${title_key}` → entry ids; used when the file has no code. */
  entriesByPractice: Map<string, number[]>;
  codeOf: Map<number, string>;
  /** The write checks' lookups (checkFields), answered from the maps above. */
  lookups: EntryLookups;
  igedById: Map<number, IgedCandidate>;
  categoryById: Map<number, Category>;
  /** Entries of every edition per IGED, for the near-duplicate warning (read on first use). */
  entriesOfIged: (igedId: number) => KnownEntry[];
}

/** An entry of any edition, as the near-duplicate check compares it. */
export interface KnownEntry extends TitledEntry {
  id: number;
  editionId: number;
}

export function practiceKey(igedId: number | null, title: string): string {
  return practiceKeyOf(igedId, foldKey(title));
}

/** The same, for a title already folded (entry.title_key). */
export function practiceKeyOf(igedId: number | null, titleKey: string): string {
  return `${igedId ?? ''}|${titleKey}`;
}

export function loadReference(db: Db, editionId: number): EntryReference {
  const igeds = loadIgedCandidates(db);
  const categories = listCategories(db, editionId);
  const entries = queryAll<{ id: number; code: string; iged_id: number | null; title_key: string }>(
    db,
    `SELECT id, code, iged_id, title_key FROM entry WHERE edition_id = ?`,
    editionId,
  );
  const entriesByPractice = new Map<string, number[]>();
  for (const entry of entries) {
    const key = practiceKeyOf(entry.iged_id, entry.title_key);
    entriesByPractice.set(key, [...(entriesByPractice.get(key) ?? []), entry.id]);
  }
  const matcher = createIgedMatcher(igeds);
  const igedMatches = new Map<string, IgedMatch>();
  const regions = new Map<string, string | null>();
  const igedRegions = new Map(igeds.map((iged) => [iged.id, iged.region]));
  const categoryByKey = new Map(categories.map((category) => [foldKey(category.name), category]));
  const categoryOfText = new Map<string, Category | undefined>();
  const categoryIds = new Set(categories.map((category) => category.id));
  const entryByCode = new Map(entries.map((entry) => [entry.code, entry.id]));
  let byIged: Map<number, KnownEntry[]> | undefined;
  return {
    editionId,
    matchIged: (name, hint) => {
      const key = `${name}\u0000${hint ?? ''}`;
      let match = igedMatches.get(key);
      if (!match) igedMatches.set(key, (match = matcher(name, hint)));
      return match;
    },
    resolveRegion: (text) => {
      if (!regions.has(text)) regions.set(text, resolveRegion(text));
      return regions.get(text) ?? null;
    },
    categories,
    categoryNamed: (text) => {
      if (!categoryOfText.has(text)) categoryOfText.set(text, categoryByKey.get(foldKey(text)));
      return categoryOfText.get(text);
    },
    entryByCode,
    entriesByPractice,
    codeOf: new Map(entries.map((entry) => [entry.id, entry.code])),
    igedById: new Map(igeds.map((iged) => [iged.id, iged])),
    categoryById: new Map(categories.map((category) => [category.id, category])),
    entriesOfIged: (igedId) => {
      byIged ??= entriesByIged(db);
      return byIged.get(igedId) ?? [];
    },
    lookups: {
      igedRegion: (igedId) => igedRegions.get(igedId),
      hasCategory: (categoryId) => categoryIds.has(categoryId),
      codeHolder: (code) => entryByCode.get(code),
    },
  };
}


function entriesByIged(db: Db): Map<number, KnownEntry[]> {
  const rows = queryAll<KnownEntry & { igedId: number }>(
    db,
    `SELECT e.id, e.code, e.title, e.title_key AS titleKey, e.edition_id AS editionId, d.name AS edition, e.iged_id AS igedId
       FROM entry e JOIN edition d ON d.id = e.edition_id WHERE e.iged_id IS NOT NULL`,
  );
  const byIged = new Map<number, KnownEntry[]>();
  for (const { igedId, ...entry } of rows) {
    const list = byIged.get(igedId);
    if (list) list.push(entry);
    else byIged.set(igedId, [entry]);
  }
  return byIged;
}
