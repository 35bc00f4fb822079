/**
 * Which query roots a pushed 'data.changed' refreshes, per jury feature (merged into the
 * app's table in useDataChangedEvents). A single score write does not refresh the big grid:
 * the grid already shows what it saved, and refetching 12,000 cells per keystroke would not do.
 */
const EVERYTHING = ['jury', 'scoring', 'scoringGrid', 'results'] as const;

export const JURY_AFFECTED: Record<string, readonly string[]> = {
  jury: EVERYTHING,
  jurors: EVERYTHING,
  panels: EVERYTHING,
  conflicts: EVERYTHING,
  assignments: EVERYTHING,
  sheets: EVERYTHING,
  juryStages: EVERYTHING,
  juryWorkbooks: EVERYTHING,
  scores: ['jury', 'scoring', 'results'],
  audit: ['jury'],
  // tie decisions are written to the audit log too
  consolidation: ['results', 'jury'],
};
