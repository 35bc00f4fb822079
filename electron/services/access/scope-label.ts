import { t } from '../../../shared/i18n';
import type { SessionScope } from '../../../shared/sede/roles';
import { cachedStatement } from '../../db/cached-statement';
import type { Db } from '../../db/open';

/** The name of one record, or the catalog's «no longer exists» (an invitation can outlive what it names). */
function nameOf(db: Db, sql: string, id: number): string {
  const found = cachedStatement(db, sql).get(id) as { name: string } | undefined;
  return found?.name ?? t('access.scope.missing');
}

const EDITION = `SELECT name FROM edition WHERE id = ?`;
const JUROR = `SELECT name FROM juror WHERE id = ?`;
const ENCUENTRO = `SELECT name FROM encuentro WHERE id = ?`;
const SALA = `SELECT name FROM encuentro_sala WHERE id = ?`;
const PRACTICE = `SELECT title AS name FROM encuentro_practice WHERE id = ?`;

/**
 * A session's role and scope as people read it in the invitation and device lists, e.g.
 * «Jurado: Ana Pérez · IX Concurso 2024», «Moderador: Sala 1, Sala 2 · II Encuentro».
 */
export function scopeLabel(db: Db, scope: SessionScope): string {
  switch (scope.role) {
    case 'organizador':
      return t('access.scope.organizador');
    case 'jurado':
      return t('access.scope.jurado', { juror: nameOf(db, JUROR, scope.jurorId), edition: nameOf(db, EDITION, scope.editionId) });
    case 'moderador':
      return t('access.scope.moderador', {
        salas: scope.salaIds.map((id) => nameOf(db, SALA, id)).join(t('access.scope.listSeparator')),
        encuentro: nameOf(db, ENCUENTRO, scope.encuentroId),
      });
    case 'registro':
      return t('access.scope.registro', { encuentro: nameOf(db, ENCUENTRO, scope.encuentroId) });
    case 'proyector': {
      const encuentro = nameOf(db, ENCUENTRO, scope.encuentroId);
      const sala = scope.salaId === null ? null : nameOf(db, SALA, scope.salaId);
      if (scope.practiceId !== null) {
        const practice = nameOf(db, PRACTICE, scope.practiceId);
        return sala === null ? t('access.scope.proyectorPractice', { practice, encuentro }) : t('access.scope.proyectorPracticeSala', { practice, sala, encuentro });
      }
      return sala === null ? t('access.scope.proyectorEncuentro', { encuentro }) : t('access.scope.proyectorSala', { sala, encuentro });
    }
  }
}
