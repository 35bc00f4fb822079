import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/i18n';
import type { SessionScope } from '../../../shared/sede/roles';
import type { Db } from '../../db/open';
import { queryOne } from '../../db/query';

/**
 * A readable description of a session's scope (e.g. «Proyector de Sala 2 · III Encuentro»),
 * checking on the way that every record it names exists and belongs where the scope says (the
 * juror to that edition, the salas and the practice to that Encuentro): an invitation is never
 * created for a scope that grants nothing, or the wrong thing. Refuses with a Spanish message.
 */
export function scopeLabel(db: Db, scope: SessionScope): string {
  switch (scope.role) {
    case 'organizer':
      return t('sede.scope.organizer');
    case 'juror': {
      const edition = nameOf(db, 'SELECT name FROM edition WHERE id = ?', [scope.editionId], 'sede.error.noEdition', scope.editionId);
      const juror = nameOf(db, 'SELECT name FROM juror WHERE id = ? AND edition_id = ?', [scope.jurorId, scope.editionId], 'sede.error.jurorNotInEdition', scope.jurorId);
      return t('sede.scope.juror', { juror, edition });
    }
    case 'moderator': {
      const encuentro = encuentroName(db, scope.encuentroId);
      const salas = scope.salaIds.map((salaId) => salaName(db, scope.encuentroId, salaId));
      return t('sede.scope.moderator', { salas: [...new Set(salas)].join(', '), encuentro });
    }
    case 'checkIn':
      return t('sede.scope.checkIn', { encuentro: encuentroName(db, scope.encuentroId) });
    case 'projector': {
      const encuentro = encuentroName(db, scope.encuentroId);
      const sala = scope.salaId === null ? null : salaName(db, scope.encuentroId, scope.salaId);
      if (sala !== null && scope.practiceId === null) return t('sede.scope.proyectorSala', { sala, encuentro });
      if (scope.practiceId !== null) {
        const practice = nameOf(
          db,
          'SELECT title AS name FROM encuentro_practice WHERE id = ? AND encuentro_id = ?',
          [scope.practiceId, scope.encuentroId],
          'sede.error.practiceNotInEncuentro',
          scope.practiceId,
        );
        return sala === null ? t('sede.scope.proyectorPractice', { practice, encuentro }) : t('sede.scope.proyectorPracticeSala', { practice, sala, encuentro });
      }
      return t('sede.scope.proyectorEncuentro', { encuentro });
    }
  }
}

function encuentroName(db: Db, id: number): string {
  return nameOf(db, 'SELECT name FROM encuentro WHERE id = ?', [id], 'sede.error.noEncuentro', id);
}

function salaName(db: Db, encuentroId: number, salaId: number): string {
  return nameOf(db, 'SELECT name FROM encuentro_sala WHERE id = ? AND encuentro_id = ?', [salaId, encuentroId], 'sede.error.salaNotInEncuentro', salaId);
}

type MissingKey = 'sede.error.noEdition' | 'sede.error.jurorNotInEdition' | 'sede.error.noEncuentro' | 'sede.error.salaNotInEncuentro' | 'sede.error.practiceNotInEncuentro';

function nameOf(db: Db, sql: string, params: number[], missing: MissingKey, id: number): string {
  const row = queryOne<{ name: string }>(db, sql, ...params);
  if (!row) throw new AppError(missing, { id });
  return row.name;
}
