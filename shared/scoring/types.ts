/**
 * Inputs of the consolidation, independent of how they are stored: the service reads the
 * database into these shapes, the tests write them by hand.
 */

export interface ScoringCriterion {
  id: number;
  name: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
  /** Scored and reported, but weighs nothing in the total (pretalx's "independent" score). */
  independent: boolean;
  /** Categories the criterion applies to; empty means every category. */
  categoryIds: readonly number[];
}

export interface ScoringEntry {
  id: number;
  code: string;
  title: string;
  categoryId: number | null;
}

export interface ScoringJuror {
  id: number;
  name: string;
}

/** A juror's sheet for one entry. Abstained and recused sheets never count, not even as zero. */
export interface ScoreSheet {
  jurorId: number;
  entryId: number;
  status: 'scored' | 'abstained' | 'recused';
  /** criterion id → value on that criterion's scale. A criterion absent here was not scored. */
  scores: ReadonlyMap<number, number>;
}

/** An organizer's recorded order for entries that stay tied after every automatic rule. */
export interface TieDecision {
  id: number;
  /** Highest first. Applies to a tie whose entries are all in this list. */
  orderedEntryIds: readonly number[];
  reason: string;
}

export interface ScoringInput {
  criteria: readonly ScoringCriterion[];
  entries: readonly ScoringEntry[];
  jurors: readonly ScoringJuror[];
  sheets: readonly ScoreSheet[];
  decisions?: readonly TieDecision[];
  /** The stage's cut-off on the total's scale; null when the stage has none. */
  cutoff: number | null;
}
