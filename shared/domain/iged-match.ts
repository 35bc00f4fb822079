import { resolveRegion, statedIgedKind, stripIgedPrefix } from './regions';
import { foldKey } from './text';

export interface IgedCandidate {
  id: number;
  code: string;
  kind: 'dre' | 'ugel';
  name: string;
  region: string;
  aliases?: readonly string[];
}

export type IgedMatch =
  | { kind: 'match'; iged: IgedCandidate }
  | { kind: 'unknown' }
  | { kind: 'ambiguous'; candidates: IgedCandidate[] };

/**
 * Builds a matcher that tolerates case, accents, spacing and the "UGEL"/"DRE" prefix,
 * but never guesses: a name that fits more than one IGED is reported as ambiguous
 * unless the row's region settles it.
 */
export function createIgedMatcher(igeds: readonly IgedCandidate[]) {
  const byKey = new Map<string, IgedCandidate[]>();
  const byCode = new Map<string, IgedCandidate>();
  const add = (key: string, iged: IgedCandidate) => {
    if (!key) return;
    const list = byKey.get(key) ?? [];
    if (!list.includes(iged)) list.push(iged);
    byKey.set(key, list);
  };
  for (const iged of igeds) {
    byCode.set(foldKey(iged.code), iged);
    for (const key of igedNameKeys(iged.name)) add(key, iged);
    for (const alias of iged.aliases ?? []) for (const key of igedNameKeys(alias)) add(key, iged);
    // A DRE/GRE may also be written with just its region ("DRE Ancash" → "Ancash").
    if (iged.kind === 'dre') add(foldKey(iged.region), iged);
  }

  return function match(input: string, regionHint?: string | null): IgedMatch {
    const trimmed = input.trim();
    if (!trimmed) return { kind: 'unknown' };
    const byCodeHit = byCode.get(foldKey(trimmed));
    if (byCodeHit) return { kind: 'match', iged: byCodeHit };

    const stated = statedIgedKind(trimmed);
    let candidates: IgedCandidate[] = [];
    for (const key of igedNameKeys(trimmed)) {
      candidates = byKey.get(key) ?? [];
      if (candidates.length > 0) break;
    }
    if (stated) candidates = candidates.filter((c) => c.kind === stated);
    if (candidates.length > 1 && regionHint) {
      const region = resolveRegion(regionHint);
      if (region) candidates = candidates.filter((c) => c.region === region);
    }
    if (candidates.length > 1 && !stated) {
      // "Lamas" alone, when both a UGEL and a DRE carry that key, is not settled.
      return { kind: 'ambiguous', candidates };
    }
    if (candidates.length === 1 && candidates[0]) return { kind: 'match', iged: candidates[0] };
    if (candidates.length > 1) return { kind: 'ambiguous', candidates };
    return { kind: 'unknown' };
  };
}

/**
 * The keys a name is known by: the whole name without its «UGEL»/«DRE» prefix and, for a name
 * written «Province - Seat» («UGEL Loreto - Nauta»), also the seat alone, which is how people
 * usually write it («UGEL Nauta»). Only a spaced dash splits: «Ramón Castilla-Caballococha» is
 * one place.
 */
export function igedNameKeys(name: string): string[] {
  const whole = stripIgedPrefix(name);
  const parts = name.split(/\s[-–]\s/);
  const seat = parts.length > 1 ? foldKey(parts[parts.length - 1] ?? '') : '';
  return seat && seat !== whole ? [whole, seat] : [whole];
}
