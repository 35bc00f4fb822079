import type { ChangedRecords, ChangeScope, DataChanged, RecordKind } from '../../shared/domain/change-events';
import { SCOPE_KEYS } from '../../shared/domain/change-events';
import type { Db } from '../db/open';
import { queryOne } from '../db/query';

/**
 * Derives what a write changed (records and scope, shared/domain/change-events.ts) from the
 * method's name, its validated input and its result, so no handler has to announce it: the
 * registry does it for every write. The record kind comes from the method's prefix (longest
 * first); a write naming a record by `id` has that record's scope read *before* the handler runs,
 * so a delete is described as well as an update.
 */
const KIND_BY_PREFIX: readonly (readonly [string, RecordKind])[] = [
  ['encuentro.contributions.', 'contribution'],
  ['encuentro.synthesis.', 'synthesisItem'],
  ['encuentro.summary.', 'summaryItem'],
  ['encuentro.attendance.', 'attendee'],
  ['encuentro.narrative.', 'narrative'],
  ['encuentro.ejes.', 'eje'],
  ['encuentro.practices.', 'practice'],
  ['encuentro.panels.', 'encuentroPanel'],
  ['encuentro.salas.', 'sala'],
  ['encuentro.', 'encuentro'],
  ['editions.', 'edition'],
  ['categories.', 'category'],
  ['criteria.', 'criterion'],
  ['stages.', 'stage'],
  ['juryStages.', 'stage'],
  ['entries.', 'entry'],
  ['imports.commitUgels', 'reference'],
  ['imports.', 'entry'],
  ['reference.', 'reference'],
  ['jury.settings.', 'jurySettings'],
  ['jurors.', 'juror'],
  ['panels.', 'panel'],
  ['conflicts.', 'conflict'],
  ['assignments.', 'assignment'],
  ['scores.', 'sheet'],
  ['sheets.', 'sheet'],
  ['juryWorkbooks.', 'sheet'],
  ['audit.', 'audit'],
  ['results.', 'tieDecision'],
  ['backups.', 'backup'],
  ['sede.', 'sede'],
];

export function recordKindOf(method: string): RecordKind | null {
  return KIND_BY_PREFIX.find(([prefix]) => method.startsWith(prefix))?.[1] ?? null;
}

interface ScopeRow {
  editionId?: number | null;
  stageId?: number | null;
  jurorId?: number | null;
  entryId?: number | null;
  encuentroId?: number | null;
  salaId?: number | null;
  practiceId?: number | null;
}

/** The scope of an existing record, per kind; kinds without a row of their own (audit, backups…) have none. */
const SCOPE_SQL: Partial<Record<RecordKind, string>> = {
  edition: 'SELECT id AS editionId FROM edition WHERE id = ?',
  category: 'SELECT edition_id AS editionId FROM category WHERE id = ?',
  criterion: 'SELECT edition_id AS editionId FROM criterion WHERE id = ?',
  stage: 'SELECT edition_id AS editionId, id AS stageId FROM stage WHERE id = ?',
  entry: 'SELECT edition_id AS editionId, id AS entryId FROM entry WHERE id = ?',
  juror: 'SELECT edition_id AS editionId, id AS jurorId FROM juror WHERE id = ?',
  panel: 'SELECT s.edition_id AS editionId, p.stage_id AS stageId FROM panel p JOIN stage s ON s.id = p.stage_id WHERE p.id = ?',
  conflict: 'SELECT edition_id AS editionId, juror_id AS jurorId, entry_id AS entryId FROM conflict WHERE id = ?',
  tieDecision: 'SELECT s.edition_id AS editionId, t.stage_id AS stageId FROM tie_decision t JOIN stage s ON s.id = t.stage_id WHERE t.id = ?',
  encuentro: 'SELECT edition_id AS editionId, id AS encuentroId FROM encuentro WHERE id = ?',
  eje: 'SELECT encuentro_id AS encuentroId FROM encuentro_eje WHERE id = ?',
  practice: 'SELECT encuentro_id AS encuentroId, id AS practiceId FROM encuentro_practice WHERE id = ?',
  encuentroPanel: 'SELECT encuentro_id AS encuentroId FROM encuentro_panel WHERE id = ?',
  sala: 'SELECT encuentro_id AS encuentroId, id AS salaId FROM encuentro_sala WHERE id = ?',
  contribution: 'SELECT encuentro_id AS encuentroId, practice_id AS practiceId, sala_id AS salaId FROM encuentro_contribution WHERE id = ?',
  synthesisItem: 'SELECT s.encuentro_id AS encuentroId, i.sala_id AS salaId FROM encuentro_synthesis_item i JOIN encuentro_sala s ON s.id = i.sala_id WHERE i.id = ?',
  summaryItem: 'SELECT encuentro_id AS encuentroId FROM encuentro_summary_item WHERE id = ?',
  attendee: 'SELECT encuentro_id AS encuentroId FROM encuentro_attendee WHERE id = ?',
};

/** Parents a scope key implies, filled when the write did not name them (a score names its stage, not its edition). */
const PARENT_SQL: readonly (readonly [keyof ChangeScope, keyof ChangeScope, string])[] = [
  ['stageId', 'editionId', 'SELECT edition_id AS v FROM stage WHERE id = ?'],
  ['jurorId', 'editionId', 'SELECT edition_id AS v FROM juror WHERE id = ?'],
  ['entryId', 'editionId', 'SELECT edition_id AS v FROM entry WHERE id = ?'],
  ['salaId', 'encuentroId', 'SELECT encuentro_id AS v FROM encuentro_sala WHERE id = ?'],
  ['practiceId', 'encuentroId', 'SELECT encuentro_id AS v FROM encuentro_practice WHERE id = ?'],
];

/** What the hub knows of a write before running it: the record it names by `id`, as it stands. */
export interface ChangeTarget {
  kind: RecordKind | null;
  id: number | null;
  scope: ChangeScope;
}

export function targetOf(db: Db, method: string, input: unknown): ChangeTarget {
  const kind = recordKindOf(method);
  const id = numberField(input, 'id');
  const sql = kind ? SCOPE_SQL[kind] : undefined;
  if (!kind || id === null || !sql) return { kind, id, scope: {} };
  // Describing a write must never fail it: without its place the event only stays off remote devices.
  const row = attempt(() => queryOne<ScopeRow>(db, sql, id));
  return { kind, id, scope: row ? cleanScope(row) : {} };
}

/**
 * The event of a write that returned `result`. Precedence: the record as it stood (a delete
 * cannot move it), then what the result says (a created record's place), then the input.
 */
export function describeChange(db: Db | null, method: string, input: unknown, result: unknown, target: ChangeTarget, backup: boolean): DataChanged {
  const scope: ChangeScope = {};
  const record = recordOf(result);
  for (const source of [input, ...record.holders]) mergeScope(scope, source);
  Object.assign(scope, target.scope);
  if (target.kind && KEY_OF_KIND[target.kind]) {
    const own = target.id ?? record.id;
    if (own !== null) scope[KEY_OF_KIND[target.kind]!] ??= own;
  }
  if (db) attempt(() => fillParents(db, scope));
  const ids = target.id !== null ? [target.id] : record.id !== null ? [record.id] : [];
  const records: ChangedRecords | null = target.kind ? { kind: target.kind, ids } : null;
  return { method, backup, records, scope };
}

/** Kinds whose own id is a scope key (a new sala's id is the scope of what it will hold). */
const KEY_OF_KIND: Partial<Record<RecordKind, keyof ChangeScope>> = {
  edition: 'editionId',
  stage: 'stageId',
  entry: 'entryId',
  juror: 'jurorId',
  encuentro: 'encuentroId',
  sala: 'salaId',
  practice: 'practiceId',
};

/** The result's record (top level, or the one wrapped as contribution/item/attendee) and the objects that may carry scope keys. */
function recordOf(result: unknown): { id: number | null; holders: unknown[] } {
  if (!isObject(result)) return { id: null, holders: [] };
  for (const wrapper of ['contribution', 'item', 'attendee']) {
    const inner = result[wrapper];
    if (isObject(inner)) return { id: numberField(inner, 'id'), holders: [result, inner] };
  }
  return { id: numberField(result, 'id'), holders: [result] };
}

function mergeScope(scope: ChangeScope, source: unknown): void {
  if (!isObject(source)) return;
  for (const key of SCOPE_KEYS) {
    const value = source[key];
    if (typeof value === 'number' && Number.isInteger(value)) scope[key] = value;
    else if (key === 'salaId' && value === null) scope.salaId = null;
  }
}

function fillParents(db: Db, scope: ChangeScope): void {
  for (const [child, parent, sql] of PARENT_SQL) {
    const id = scope[child];
    if (scope[parent] !== undefined || typeof id !== 'number') continue;
    const row = queryOne<{ v: number }>(db, sql, id);
    if (row) scope[parent] = row.v;
  }
}

function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function cleanScope(row: ScopeRow): ChangeScope {
  const scope: ChangeScope = {};
  for (const key of SCOPE_KEYS) {
    const value = row[key];
    if (typeof value === 'number') scope[key] = value;
    else if (key === 'salaId' && value === null) scope.salaId = null;
  }
  return scope;
}

function numberField(source: unknown, key: string): number | null {
  if (!isObject(source)) return null;
  const value = source[key];
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
