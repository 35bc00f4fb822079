import type { Database } from 'better-sqlite3';

/**
 * The Informe's narrative sections that the organizers write in the app, one row per Encuentro
 * and section (a section never written has no row):
 *   section: 'antecedentes' (background, opening the executive summary), 'metodologia' (how the
 *     Encuentro was run), 'inauguracion' (opening words, opening "Desarrollo del Encuentro"),
 *     'clausura' (closing words, ending the executive summary) — where the reference report has them;
 *   text: paragraphs separated by blank lines.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE encuentro_narrative (
      encuentro_id INTEGER NOT NULL REFERENCES encuentro(id) ON DELETE CASCADE,
      section TEXT NOT NULL CHECK (section IN ('antecedentes', 'metodologia', 'inauguracion', 'clausura')),
      text TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (encuentro_id, section)
    ) STRICT;
  `);
}
