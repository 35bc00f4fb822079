/** Jury scoring: jurors, conflicts, assignment, scoring, consolidation, workbooks, acta. Keys start with `jury.`. */
export const jury = {} as const;
