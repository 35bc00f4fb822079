import type { ConflictRules } from '../../../../shared/domain/jury-types';
import { t } from '../../../../shared/i18n';

/** Pure conflict-of-interest detection from the institutional hierarchy (IGED → DRE/GRE → region). */

export interface IgedInfo {
  id: number;
  name: string;
  kind: 'dre' | 'ugel';
  dreId: number | null;
  region: string;
}

export interface AffiliationInfo {
  /** Set for an IGED affiliation. */
  iged: IgedInfo | null;
  /** Set for a direct region affiliation. */
  region: string | null;
}

export interface EntryInfo {
  iged: IgedInfo | null;
  /** The entry's region (its IGED's, or typed when it has no IGED). */
  region: string;
}

export interface DetectedConflict {
  basis: 'iged' | 'dre' | 'region';
  detail: string;
}

/**
 * The automatic conflicts between one juror's affiliations and one entry under the edition's
 * rules, at most one per basis (the first affiliation that triggers it explains it).
 */
export function detectConflicts(affiliations: readonly AffiliationInfo[], entry: EntryInfo, rules: ConflictRules): DetectedConflict[] {
  const found = new Map<DetectedConflict['basis'], string>();
  for (const aff of affiliations) {
    const iged = aff.iged;
    if (rules.sameIged && iged && entry.iged && iged.id === entry.iged.id && !found.has('iged')) {
      found.set('iged', t('jury.conflict.detail.iged', { iged: iged.name }));
    }
    // The DRE/GRE–UGEL link binds both ways: a DRE juror oversees the UGEL's work, and a UGEL
    // juror's own work is part of what the DRE presents.
    if (rules.parentDre && iged && entry.iged && !found.has('dre')) {
      if (entry.iged.kind === 'ugel' && entry.iged.dreId === iged.id) {
        found.set('dre', t('jury.conflict.detail.dre', { iged: iged.name, entryIged: entry.iged.name }));
      } else if (entry.iged.kind === 'dre' && iged.kind === 'ugel' && iged.dreId === entry.iged.id) {
        found.set('dre', t('jury.conflict.detail.ugelOfDre', { iged: iged.name, entryIged: entry.iged.name }));
      }
    }
    const affRegion = iged ? iged.region : aff.region;
    if (rules.sameRegion && entry.region && affRegion === entry.region && !found.has('region')) {
      const via = iged ? iged.name : t('jury.conflict.detail.regionDirect');
      found.set('region', t('jury.conflict.detail.region', { region: entry.region, via }));
    }
  }
  return [...found].map(([basis, detail]) => ({ basis, detail }));
}
