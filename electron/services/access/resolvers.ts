import { z } from 'zod';
import type { Target } from '../../../shared/contract/define';
import { id } from '../../../shared/domain/schemas';
import { queryOne } from '../../db/query';
import type { AppContext } from '../context';
import { pendingWorkbookOwner } from '../jury/workbook';

/**
 * Where a call's record sits: the edition and juror of jury work, the Encuentro, the salas
 * (null: captured in no sala) and the practice of Encuentro work. A field is absent when the
 * call does not name it (e.g. a matrix read without salaId names no sala).
 */
export interface Place {
  editionId?: number;
  jurorId?: number;
  encuentroId?: number;
  salas?: readonly (number | null)[];
  practiceId?: number;
}

/** The raw call input (authorization runs before the full validation, so it reads only the ids it needs). */
export type RawInput = Readonly<Record<string, unknown>>;

interface Resolver {
  /** The field holding the record's id, unless the grant names another. */
  field: string;
  /** The other input fields it reads (a declaration check verifies the method's input has them). */
  also?: readonly string[];
  /** The record's place, or null when it does not exist (refused like one out of scope). */
  resolve(context: AppContext, input: RawInput, field: string): Place | null;
}

const optionalSala = id.nullable().optional();
const token = z.string().min(1).max(100);

/** An id the input holds, or null when it is missing or not an id (nothing can match it). */
function idOf(input: RawInput, field: string): number | null {
  const parsed = id.safeParse(input[field]);
  return parsed.success ? parsed.data : null;
}

/** Runs a single-row lookup with every id present; null when an id is missing or no row matches. */
function row<T>(context: AppContext, sql: string, ...ids: (number | null)[]): T | null {
  if (ids.some((value) => value === null)) return null;
  return queryOne<T>(context.db(), sql, ...ids) ?? null;
}

const JUROR_STAGE = `SELECT s.edition_id AS editionId, j.id AS jurorId FROM stage s JOIN juror j ON j.edition_id = s.edition_id WHERE s.id = ? AND j.id = ?`;
const SALA = `SELECT encuentro_id AS encuentroId, id AS salaId FROM encuentro_sala WHERE id = ?`;

const salaPlace = (found: { encuentroId: number; salaId: number } | null): Place | null =>
  found && { encuentroId: found.encuentroId, salas: [found.salaId] };

/** One resolver per Target: the single place where a call's ids are turned into its scope. */
export const RESOLVERS: { readonly [T in Exclude<Target, 'none'>]: Resolver } = {
  edition: {
    field: 'editionId',
    resolve: (context, input, field) => row<Place>(context, `SELECT id AS editionId FROM edition WHERE id = ?`, idOf(input, field)),
  },
  jurorStage: {
    field: 'stageId',
    also: ['jurorId'],
    resolve: (context, input, field) => row<Place>(context, JUROR_STAGE, idOf(input, field), idOf(input, 'jurorId')),
  },
  ownSheet: {
    field: 'stageId',
    also: ['jurorId', 'entryId'],
    // The entry must belong to the stage's edition: a sheet key mixing editions names no sheet.
    resolve: (context, input, field) =>
      row<Place>(
        context,
        `SELECT s.edition_id AS editionId, j.id AS jurorId FROM stage s
           JOIN juror j ON j.edition_id = s.edition_id
           JOIN entry e ON e.edition_id = s.edition_id
          WHERE s.id = ? AND j.id = ? AND e.id = ?`,
        idOf(input, field),
        idOf(input, 'jurorId'),
        idOf(input, 'entryId'),
      ),
  },
  workbookPreview: {
    field: 'token',
    // A preview is bound to the juror it was made for: whoever applies it must be that juror.
    resolve: (context, input, field) => {
      const parsed = token.safeParse(input[field]);
      const owner = parsed.success ? pendingWorkbookOwner(context, parsed.data) : undefined;
      return owner ? row<Place>(context, JUROR_STAGE, owner.stageId, owner.jurorId) : null;
    },
  },
  encuentro: {
    field: 'encuentroId',
    resolve: (context, input, field) => row<Place>(context, `SELECT id AS encuentroId FROM encuentro WHERE id = ?`, idOf(input, field)),
  },
  sala: {
    field: 'salaId',
    resolve: (context, input, field) => salaPlace(row(context, SALA, idOf(input, field))),
  },
  salaDraft: {
    field: 'salaId',
    // Once final, only the organizer changes the synthesis status (reopening needs its reason).
    resolve: (context, input, field) => salaPlace(row(context, `SELECT encuentro_id AS encuentroId, id AS salaId FROM encuentro_sala WHERE id = ? AND synthesis_status <> 'final'`, idOf(input, field))),
  },
  practice: {
    field: 'practiceId',
    also: ['salaId'],
    resolve: (context, input, field) => {
      const practice = row<{ encuentroId: number; practiceId: number }>(
        context,
        `SELECT encuentro_id AS encuentroId, id AS practiceId FROM encuentro_practice WHERE id = ?`,
        idOf(input, field),
      );
      const sala = optionalSala.safeParse(input.salaId);
      if (!practice || !sala.success) return null;
      if (sala.data === undefined) return practice;
      if (sala.data === null) return { ...practice, salas: [null] };
      // A sala that does not list the practice is no place of it (the service would refuse it too).
      const listed = row<{ listed: 1 }>(context, `SELECT 1 AS listed FROM encuentro_sala_practice WHERE sala_id = ? AND practice_id = ?`, sala.data, practice.practiceId);
      return listed && { ...practice, salas: [sala.data] };
    },
  },
  contribution: {
    field: 'id',
    resolve: (context, input, field) => {
      const found = row<{ encuentroId: number; salaId: number | null; practiceId: number }>(
        context,
        `SELECT encuentro_id AS encuentroId, sala_id AS salaId, practice_id AS practiceId FROM encuentro_contribution WHERE id = ?`,
        idOf(input, field),
      );
      return found && { encuentroId: found.encuentroId, practiceId: found.practiceId, salas: [found.salaId] };
    },
  },
  synthesisItem: {
    field: 'id',
    resolve: (context, input, field) =>
      salaPlace(
        row(
          context,
          `SELECT s.encuentro_id AS encuentroId, s.id AS salaId FROM encuentro_synthesis_item i JOIN encuentro_sala s ON s.id = i.sala_id WHERE i.id = ?`,
          idOf(input, field),
        ),
      ),
  },
  attendee: {
    field: 'id',
    resolve: (context, input, field) => row<Place>(context, `SELECT encuentro_id AS encuentroId FROM encuentro_attendee WHERE id = ?`, idOf(input, field)),
  },
};
