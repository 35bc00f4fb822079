import demo from '../../resources/demo/practicas-ganadoras.json';
import { editionFields, entryFields, criterionFields, stageFields, categoryFields } from '../../shared/domain/schemas';
import { createIgedMatcher } from '../../shared/domain/iged-match';
import { foldKey } from '../../shared/domain/text';
import { execute, queryOne } from '../db/query';
import { loadIgedCandidates } from './reference/candidates';
import type { AppContext } from './context';
import { seedEncuentroDemo } from './encuentro/demo';
import * as editions from './editions/write';
import { insertEntry, setEntryStatus } from './entries/write';

/**
 * The demo edition: the six winning practices (2017 and 2018) presented at the first
 * Encuentro, typed in from its report, so a new user sees real data at once.
 * Returns the new edition's id, or null when nothing was added.
 */
export function seedDemo(ctx: AppContext, mode: 'ifEmpty' | 'ensure'): number | null {
  const db = ctx.db();
  const existing = queryOne<{ n: number }>(
    db,
    `SELECT count(*) AS n FROM edition ${mode === 'ensure' ? 'WHERE name_key = ?' : ''}`,
    ...(mode === 'ensure' ? [foldKey(demo.edition.name)] : []),
  )!;
  if (existing.n > 0) return null;
  const now = ctx.now().toISOString();

  return db.transaction(() => {
    const editionId = editions.insertEdition(db, editionFields.parse(demo.edition), now, { isDemo: true });
    const categoryIds = new Map<string, number>();
    for (const category of demo.categories) {
      categoryIds.set(category.name, editions.insertCategory(db, editionId, categoryFields.parse(category), now));
    }
    for (const criterion of demo.criteria) {
      const fields = criterionFields.parse({ ...criterion, scaleMin: 1, scaleMax: 4, scaleStep: 1, levels: demo.levels });
      editions.insertCriterion(db, editionId, fields, now);
    }
    const stageIds = demo.stages.map((stage) => editions.insertStage(db, editionId, stageFields.parse(stage), now));

    // The demo's UGELs are usually known already (built-in list or a padrón): reuse those rows,
    // matched as an import would match them, rather than adding a second «UGEL Lamas».
    const knownUgels = createIgedMatcher(loadIgedCandidates(db, 'ugel'));
    for (const ugel of demo.ugels) {
      if (knownUgels(ugel.name, ugel.region).kind !== 'match') execute(
        db,
        `INSERT INTO iged (code, kind, name, name_key, region, dre_id, source, updated_at)
       SELECT ?, 'ugel', ?, ?, ?, d.id, 'demo', ? FROM iged d WHERE d.kind = 'dre' AND d.region = ?
       ON CONFLICT (code) DO NOTHING`,
        ugel.code, ugel.name, foldKey(ugel.name), ugel.region, now, ugel.region,
      );
    }
    const matchIged = createIgedMatcher(loadIgedCandidates(db));

    for (const entry of demo.entries) {
      const match = matchIged(entry.iged);
      const iged = match.kind === 'match' ? match.iged : undefined;
      const fields = entryFields.parse({
        code: entry.code,
        igedId: iged?.id ?? null,
        title: entry.title,
        categoryId: categoryIds.get(entry.category) ?? null,
        summary: `Buena práctica ganadora del concurso, edición ${entry.wonIn}. Presentada en el I Encuentro de Intercambio de Experiencias.`,
        evidenceLinks: [entry.evidence],
        contactName: entry.presenter,
        contactCargo: entry.cargo,
      });
      const entryId = insertEntry(db, editionId, fields, now, 'demo');
      for (const stageId of stageIds) setEntryStatus(db, entryId, stageId, 'passed', '', now);
    }
    seedEncuentroDemo(db, editionId, now);
    return editionId;
  })();
}
