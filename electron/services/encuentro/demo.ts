import demo from '../../../resources/demo/encuentro-2019.json';
import type { InstitutionType } from '../../../shared/domain/encuentro-attendance';
import type { ContributionBlock, ContributionLevel, SynthesisAxis, SynthesisLevel } from '../../../shared/domain/encuentro-matrix';
import { attendeeFields, encuentroFields } from '../../../shared/domain/encuentro-schemas';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { queryOne } from '../../db/query';
import { insertAttendee } from './attendance';
import { insertContribution } from './contributions';
import { insertEje, insertEncuentro, insertPanel, insertPracticeFromEntry, insertSala } from './setup-write';
import { insertSummaryItem } from './summary';
import { insertSynthesisItem, setSynthesisStatus } from './synthesis';

/**
 * The demo Encuentro: the first Encuentro as its report tells it (resources/demo/encuentro-2019.json,
 * whose `notes` explain how the report's headings were mapped), linked to the demo edition's six
 * winning practices. Runs inside the caller's transaction. Returns the new Encuentro's id.
 */
export function seedEncuentroDemo(db: Db, editionId: number, now: string): number {
  const encuentroId = insertEncuentro(db, editionId, encuentroFields.parse(demo.encuentro), now, true);
  const practiceIds = new Map<string, number>();
  const salaIds = new Map<string, number>();

  for (const eje of demo.ejes) {
    const ejeId = insertEje(db, encuentroId, eje.name);
    const ids = demo.practices
      .filter((p) => p.eje === eje.key)
      .map((p) => {
        const entry = queryOne<{ id: number }>(db, `SELECT id FROM entry WHERE edition_id = ? AND code = ?`, editionId, p.entryCode);
        if (!entry) throw new AppError('encuentro.demo.missingEdition');
        const id = insertPracticeFromEntry(db, encuentroId, entry.id, ejeId, p.year);
        practiceIds.set(p.entryCode, id);
        return id;
      });
    insertPanel(db, encuentroId, { ejeId, ...eje.panel, practiceIds: ids });
    salaIds.set(eje.sala.name, insertSala(db, encuentroId, { ejeId, name: eje.sala.name, moderators: eje.sala.moderators, practiceIds: ids }));
  }

  for (const practice of demo.practices) {
    const practiceId = practiceIds.get(practice.entryCode) as number;
    for (const group of practice.contributions) {
      for (const text of group.items) {
        insertContribution(db, { practiceId, block: group.block as ContributionBlock, level: group.level as ContributionLevel, text, revision: 0 }, now);
      }
    }
  }

  const synthesisIds = new Map<string, { id: number; text: string }[]>();
  for (const synthesis of demo.syntheses) {
    const salaId = salaIds.get(synthesis.sala) as number;
    for (const item of synthesis.items) {
      const sources = item.from.map(([code, block, level, prefix]) => {
        const found = queryOne<{ id: number }>(
          db,
          `SELECT id FROM encuentro_contribution WHERE practice_id = ? AND block = ? AND level = ? AND text LIKE ? || '%' ORDER BY position LIMIT 1`,
          practiceIds.get(code as string), block, level, prefix,
        );
        if (!found) throw new Error(`demo: no contribution ${code} ${block} ${level} starting «${prefix}»`);
        return found.id;
      });
      const id = insertSynthesisItem(db, { salaId, level: item.level as SynthesisLevel, axis: item.axis as SynthesisAxis, text: item.text, contributionIds: sources }, now);
      const key = `${synthesis.sala}|${item.level}|${item.axis}`;
      synthesisIds.set(key, [...(synthesisIds.get(key) ?? []), { id, text: item.text }]);
    }
    // Presented to the plenary: the syntheses are final.
    setSynthesisStatus(db, salaId, 'review', '', now);
    setSynthesisStatus(db, salaId, 'final', '', now);
  }

  for (const item of demo.summary) {
    const sources = item.from.map(([sala, level, axis, prefix]) => {
      const found = synthesisIds.get(`${sala}|${level}|${axis}`)?.find((s) => s.text.startsWith(prefix as string));
      if (!found) throw new Error(`demo: no synthesis item ${sala} ${level} ${axis} starting «${prefix}»`);
      return found.id;
    });
    insertSummaryItem(db, { encuentroId, level: item.level as SynthesisLevel, axis: item.axis as SynthesisAxis, text: item.text, synthesisItemIds: sources }, now);
  }

  for (const person of demo.attendees) {
    const fields = attendeeFields.parse({ ...person, institutionType: person.institutionType as InstitutionType });
    insertAttendee(db, encuentroId, fields, { checkIn: true, source: 'demo', now });
  }
  return encuentroId;
}

/** The demo Encuentro's id, if it was added. */
export function findDemoEncuentro(db: Db): number | null {
  const row = queryOne<{ id: number }>(db, `SELECT id FROM encuentro WHERE is_demo = 1 ORDER BY id LIMIT 1`);
  return row?.id ?? null;
}

export function findDemoEdition(db: Db): number | null {
  const row = queryOne<{ id: number }>(db, `SELECT id FROM edition WHERE is_demo = 1 ORDER BY id LIMIT 1`);
  return row?.id ?? null;
}
