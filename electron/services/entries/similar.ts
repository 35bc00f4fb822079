import { nearDuplicateTitles, type TitledEntry } from '../../../shared/domain/similar-title';
import type { SimilarEntry } from '../../../shared/domain/import-types';
import { foldKey } from '../../../shared/domain/text';
import type { Db } from '../../db/open';
import { queryAll } from '../../db/query';

/**
 * Entries of the same IGED, in any edition, whose title is very similar to `title`: the form
 * warns before a practice already presented (an earlier edition's winner, a typo away) is entered
 * again. `exceptId` is the entry being edited.
 */
export function similarEntries(db: Db, igedId: number, title: string, exceptId: number | null): SimilarEntry[] {
  const titleKey = foldKey(title);
  if (!titleKey) return [];
  const entries = queryAll<TitledEntry>(
    db,
    `SELECT e.code, e.title, e.title_key AS titleKey, d.name AS edition FROM entry e JOIN edition d ON d.id = e.edition_id
       WHERE e.iged_id = ? AND e.id IS NOT ? ORDER BY d.year DESC, e.code`,
    igedId, exceptId,
  );
  return nearDuplicateTitles(entries, titleKey);
}
