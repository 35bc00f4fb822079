import { CONTRIBUTION_BLOCKS, LEVELS_BY_BLOCK, hasWords } from '../../../shared/domain/encuentro-matrix';
import type { Contribution, PracticeMatrix } from '../../../shared/domain/encuentro-types';
import type { Db } from '../../db/open';
import { queryAll, queryOne } from '../../db/query';
import { listContributions } from './contributions';
import { getPractice } from './setup-read';

/**
 * One practice's matrix, every block with every level (empty cells included, so the capture
 * screen and the projector lay out the same grid as the report).
 * `salaId` undefined: all the practice's contributions, whatever the sala; a number or null: that sala only.
 */
export function practiceMatrix(db: Db, practiceId: number, salaId: number | null | undefined): PracticeMatrix {
  const practice = getPractice(db, practiceId);
  const { encuentro_id: encuentroId } = queryOne<{ encuentro_id: number }>(db, `SELECT encuentro_id FROM encuentro_practice WHERE id = ?`, practiceId)!;
  const all = listContributions(db, { encuentroId, practiceId, deleted: 'exclude' });
  const contributions = salaId === undefined ? all : all.filter((c) => c.salaId === salaId);
  return { encuentroId, practice, salaId: salaId === undefined ? singleSala(db, practiceId) : salaId, blocks: arrange(contributions) };
}

export function arrange(contributions: readonly Contribution[]): PracticeMatrix['blocks'] {
  return CONTRIBUTION_BLOCKS.map((block) => ({
    block,
    cells: LEVELS_BY_BLOCK[block].map((level) => ({
      level,
      contributions: contributions
        // A blank line (emptied, or stored so by an older client) is nobody's contribution.
        .filter((c) => c.block === block && c.level === level && hasWords(c))
        .sort((a, b) => a.position - b.position || a.id - b.id),
    })),
  }));
}

function singleSala(db: Db, practiceId: number): number | null {
  const salas = queryAll<{ sala_id: number }>(db, `SELECT sala_id FROM encuentro_sala_practice WHERE practice_id = ?`, practiceId);
  return salas.length === 1 ? (salas[0]?.sala_id ?? null) : null;
}
