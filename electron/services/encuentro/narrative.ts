import { NARRATIVE_SECTIONS, type Narrative, type NarrativeSection } from '../../../shared/domain/encuentro-schemas';
import type { Db } from '../../db/open';
import { execute, queryAll, queryOne } from '../../db/query';
import { notFound } from './lookup';

/** The Informe's narrative sections of an Encuentro ('' for a section never written). */
export function getNarrative(db: Db, encuentroId: number): Narrative {
  if (!queryOne(db, `SELECT 1 FROM encuentro WHERE id = ?`, encuentroId)) throw notFound('encuentro');
  const narrative = Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [s, ''])) as Narrative;
  const rows = queryAll<{ section: NarrativeSection; text: string }>(db, `SELECT section, text FROM encuentro_narrative WHERE encuentro_id = ?`, encuentroId);
  for (const row of rows) narrative[row.section] = row.text;
  return narrative;
}

/** Saves the sections given; a blank text removes the section (the Informe then leaves it out). */
export function saveNarrative(db: Db, encuentroId: number, texts: Partial<Narrative>, now: string): void {
  if (!queryOne(db, `SELECT 1 FROM encuentro WHERE id = ?`, encuentroId)) throw notFound('encuentro');
  for (const section of NARRATIVE_SECTIONS) {
    const text = texts[section];
    if (text === undefined) continue;
    const tidy = text.replace(/\r\n?/g, '\n').trim();
    if (tidy === '') execute(db, `DELETE FROM encuentro_narrative WHERE encuentro_id = ? AND section = ?`, encuentroId, section);
    else execute(
      db,
      `INSERT INTO encuentro_narrative (encuentro_id, section, text, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (encuentro_id, section) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
      encuentroId, section, tidy, now,
    );
  }
}

/** A section's paragraphs: split at blank lines, each paragraph's lines joined. */
export function narrativeParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p !== '');
}
