/** Jury scoring (issue: jurors, conflicts, assignment, scoring, consolidation, workbooks, acta). */
export const juryMethods = {};
