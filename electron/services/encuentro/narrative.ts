import { NARRATIVE_SECTIONS, type Narrative, type NarrativeSection } from '../../../shared/domain/encuentro-schemas';
import type { Db } from '../../db/open';
import { notFound } from './lookup';

/** The Informe's narrative sections of an Encuentro ('' for a section never written). */
export function getNarrative(db: Db, encuentroId: number): Narrative {
  if (!db.prepare(`SELECT 1 FROM encuentro WHERE id = ?`).get(encuentroId)) throw notFound('encuentro');
  const narrative = Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [s, ''])) as Narrative;
  const rows = db.prepare(`SELECT section, text FROM encuentro_narrative WHERE encuentro_id = ?`).all(encuentroId) as { section: NarrativeSection; text: string }[];
  for (const row of rows) narrative[row.section] = row.text;
  return narrative;
}

/** Saves the sections given; a blank text removes the section (the Informe then leaves it out). */
export function saveNarrative(db: Db, encuentroId: number, texts: Partial<Narrative>, now: string): void {
  if (!db.prepare(`SELECT 1 FROM encuentro WHERE id = ?`).get(encuentroId)) throw notFound('encuentro');
  const upsert = db.prepare(
    `INSERT INTO encuentro_narrative (encuentro_id, section, text, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (encuentro_id, section) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare(`DELETE FROM encuentro_narrative WHERE encuentro_id = ? AND section = ?`);
  for (const section of NARRATIVE_SECTIONS) {
    const text = texts[section];
    if (text === undefined) continue;
    const tidy = text.replace(/\r\n?/g, '\n').trim();
    if (tidy === '') remove.run(encuentroId, section);
    else upsert.run(encuentroId, section, tidy, now);
  }
}

/** A section's paragraphs: split at blank lines, each paragraph's lines joined. */
export function narrativeParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p !== '');
}
