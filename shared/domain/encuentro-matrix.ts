import { t, type MessageKey } from '../i18n';

/**
 * The capture matrix of the Encuentro, as the salas of the first Encuentro filled it in its report:
 * four blocks, each with its own four levels. The two "factores" blocks speak of the DRE/GRE *and the regional
 * government* and of *local* actors; the two questions speak of the DRE and of *other* actors.
 * Level codes differ between the two families on purpose, so a level that does not belong to
 * a block is refused instead of silently landing in the wrong row of the report.
 */
export const CONTRIBUTION_BLOCKS = ['limiting', 'enabling', 'actions', 'conditions'] as const;
export type ContributionBlock = (typeof CONTRIBUTION_BLOCKS)[number];

export const FACTOR_LEVELS = ['ugel', 'dreGreGr', 'minedu', 'localActors'] as const;
export const QUESTION_LEVELS = ['ugel', 'dre', 'minedu', 'otherActors'] as const;
export const CONTRIBUTION_LEVELS = ['ugel', 'dreGreGr', 'dre', 'minedu', 'localActors', 'otherActors'] as const;
export type ContributionLevel = (typeof CONTRIBUTION_LEVELS)[number];

export const LEVELS_BY_BLOCK: Readonly<Record<ContributionBlock, readonly ContributionLevel[]>> = {
  limiting: FACTOR_LEVELS,
  enabling: FACTOR_LEVELS,
  actions: QUESTION_LEVELS,
  conditions: QUESTION_LEVELS,
};

/**
 * A pause in typing: keystrokes closer together than this belong to one edit — one version in a
 * line's history, one step of Ctrl+Z on the capture screen.
 */
export const TYPING_PAUSE_MS = 1500;

/** A line with words: a blank one (an item just added, a line emptied) never reaches the wall or a report. */
export function hasWords(item: { text: string }): boolean {
  return item.text.trim() !== '';
}

/** The same cells with their blank items left out. */
export function cellsWithWords<C extends { items: readonly { text: string }[] }>(cells: readonly C[]): C[] {
  return cells.map((cell) => ({ ...cell, items: cell.items.filter(hasWords) }));
}

export function isLevelOfBlock(block: ContributionBlock, level: string): level is ContributionLevel {
  return (LEVELS_BY_BLOCK[block] as readonly string[]).includes(level);
}

/** The plenary table of a sala and the executive summary: rows (levels) × columns (axes). */
export const SYNTHESIS_LEVELS = ['ugel', 'dreGr', 'minedu', 'otherActors'] as const;
export type SynthesisLevel = (typeof SYNTHESIS_LEVELS)[number];
export const SYNTHESIS_AXES = ['sustainability', 'replication'] as const;
export type SynthesisAxis = (typeof SYNTHESIS_AXES)[number];

/** Where a promoted contribution lands by default in the plenary table. */
export function synthesisLevelFor(level: ContributionLevel): SynthesisLevel {
  switch (level) {
    case 'ugel':
      return 'ugel';
    case 'dre':
    case 'dreGreGr':
      return 'dreGr';
    case 'minedu':
      return 'minedu';
    case 'localActors':
    case 'otherActors':
      return 'otherActors';
  }
}

/** Conditions for replication feed the "Réplica" column; everything else speaks of sustainability. */
export function synthesisAxisFor(block: ContributionBlock): SynthesisAxis {
  return block === 'conditions' ? 'replication' : 'sustainability';
}

/**
 * Orders contributions as the matrix shows them: block by block (limiting, enabling,
 * actions, conditions), then level by level (UGEL, DRE…, MINEDU, other actors) — not by their
 * internal codes, whose alphabetical order is neither.
 */
export function matrixOrder(a: { block: ContributionBlock; level: ContributionLevel }, b: { block: ContributionBlock; level: ContributionLevel }): number {
  const block = CONTRIBUTION_BLOCKS.indexOf(a.block) - CONTRIBUTION_BLOCKS.indexOf(b.block);
  return block !== 0 ? block : LEVELS_BY_BLOCK[a.block].indexOf(a.level) - LEVELS_BY_BLOCK[b.block].indexOf(b.level);
}

/** The option most of `values` share; a tie goes to the first in `order`. */
function mostShared<T>(values: readonly T[], order: readonly [T, ...T[]]): T {
  let best: T = order[0];
  let bestCount = -1;
  for (const option of order) {
    const count = values.filter((v) => v === option).length;
    if (count > bestCount) {
      best = option;
      bestCount = count;
    }
  }
  return best;
}

/** Where several contributions merged into one item land by default: the row and the column most of them point to. */
export function mergeDefaults(sources: readonly { block: ContributionBlock; level: ContributionLevel }[]): { level: SynthesisLevel; axis: SynthesisAxis } {
  return {
    level: mostShared(sources.map((s) => synthesisLevelFor(s.level)), SYNTHESIS_LEVELS),
    axis: mostShared(sources.map((s) => synthesisAxisFor(s.block)), SYNTHESIS_AXES),
  };
}

export const SYNTHESIS_STATUSES = ['draft', 'review', 'final'] as const;
export type SynthesisStatus = (typeof SYNTHESIS_STATUSES)[number];

/** Allowed moves; leaving 'final' is a reopening and needs a recorded reason. */
export const SYNTHESIS_TRANSITIONS: Readonly<Record<SynthesisStatus, readonly SynthesisStatus[]>> = {
  draft: ['review'],
  review: ['draft', 'final'],
  final: ['review', 'draft'],
};

export function blockLabel(block: ContributionBlock): string {
  return t(`encuentro.block.${block}`);
}

export function blockShortLabel(block: ContributionBlock): string {
  return t(`encuentro.block.short.${block}`);
}

/** "UGEL", "DRE/GRE y GR", "Otros actores" … as the matrix rows read. */
export function levelLabel(level: ContributionLevel): string {
  return t(`encuentro.level.${level}`);
}

/** "Desde la UGEL", "Desde los actores locales" … as the factor cells of the report begin. */
export function levelFromLabel(level: ContributionLevel): string {
  return t(`encuentro.levelFrom.${level}`);
}

export function synthesisLevelLabel(level: SynthesisLevel): string {
  return t(`encuentro.synthesisLevel.${level}`);
}

export function synthesisAxisLabel(axis: SynthesisAxis): string {
  return t(`encuentro.axis.${axis}`);
}

export function synthesisStatusLabel(status: SynthesisStatus): string {
  return t(`encuentro.synthesisStatus.${status}` as MessageKey);
}
