import { z } from 'zod';
import { t } from '../i18n';
import { INSTITUTION_TYPES, isValidDni } from './encuentro-attendance';
import {
  CONTRIBUTION_BLOCKS,
  CONTRIBUTION_LEVELS,
  LEVELS_BY_BLOCK,
  SYNTHESIS_AXES,
  SYNTHESIS_LEVELS,
  SYNTHESIS_STATUSES,
  blockShortLabel,
  isLevelOfBlock,
  levelLabel,
  type ContributionBlock,
} from './encuentro-matrix';
import { id, isoDate, optionalText, requiredText } from './schemas';

/** Input schemas of the Encuentro, shared by its forms and its services. */

export const encuentroFields = z.object({
  name: requiredText(300),
  eventDate: isoDate,
  venue: optionalText(300),
  /** Co-organizers and allies, as the report names them (e.g. "MINEDU – PUCP"). */
  partners: optionalText(500),
});
export type EncuentroFields = z.infer<typeof encuentroFields>;

export const ejeFields = z.object({ name: requiredText(300) });

/** The Informe's narrative sections the organizers write in the app, in the report's order. */
export const NARRATIVE_SECTIONS = ['background', 'methodology', 'closing', 'opening'] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];
export type Narrative = Record<NarrativeSection, string>;
const narrativeText = z.string().max(20_000, { error: t('validation.tooLong', { max: 20_000 }) });
export const narrativeTexts = z.object({ background: narrativeText, methodology: narrativeText, closing: narrativeText, opening: narrativeText }).partial();

const yearNumber = z
  .number({ error: t('validation.number') })
  .int()
  .min(2000, { error: t('validation.year', { min: 2000, max: 2100 }) })
  .max(2100, { error: t('validation.year', { min: 2000, max: 2100 }) });
const year = yearNumber.nullable().default(null);

export const practiceFields = z.object({
  ejeId: id.nullable().default(null),
  region: optionalText(100),
  igedName: optionalText(200),
  title: requiredText(500),
  year,
  presenter: optionalText(200),
  presenterCargo: optionalText(200),
});
export type PracticeFields = z.infer<typeof practiceFields>;

/** Picking a practice from the edition's entries: the rest is copied from the entry, these override. */
export const practiceFromEntry = z.object({
  encuentroId: id,
  entryId: id,
  ejeId: id.nullable().default(null),
  /** The year shown after the title; defaults to the edition's year. */
  year: yearNumber.nullable().optional(),
});

export const panelFields = z.object({
  ejeId: id,
  title: optionalText(300),
  moderatorName: optionalText(200),
  moderatorInstitution: optionalText(200),
  practiceIds: z.array(id).max(50).default([]),
});
export type PanelFields = z.infer<typeof panelFields>;

export const salaFields = z.object({
  ejeId: id,
  name: requiredText(200),
  moderators: z.array(z.object({ name: requiredText(200), institution: optionalText(200) })).max(10).default([]),
  practiceIds: z.array(id).max(50).default([]),
});
export type SalaFields = z.infer<typeof salaFields>;

/** A contribution's text: kept exactly as typed (no trimming while the moderator is mid-word). */
export const contributionText = z.string().max(4000, { error: t('validation.tooLong', { max: 4000 }) });

/** Client revisions: a save-as-you-type client numbers its saves; only a higher number wins. */
export const revision = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/**
 * What a text save was typed on: the server revision the screen last had, and an opaque token of
 * that screen (one per page). Optional: without them a save follows the revision rule alone.
 */
export const saveBase = { baseRevision: revision.optional(), editor: z.string().min(1).max(100).optional() };

export const contributionBlock = z.enum(CONTRIBUTION_BLOCKS, { error: () => t('encuentro.error.block', { allowed: CONTRIBUTION_BLOCKS.join(', ') }) });
export const contributionLevel = z.enum(CONTRIBUTION_LEVELS, { error: () => t('encuentro.error.level', { allowed: CONTRIBUTION_LEVELS.join(', ') }) });

/** Refuses, in Spanish, a level that does not belong to the block ("actores locales" under acciones…). */
export function refineBlockLevel(value: { block: ContributionBlock; level: string }, ctx: z.RefinementCtx): void {
  if (isLevelOfBlock(value.block, value.level)) return;
  ctx.addIssue({
    code: 'custom',
    path: ['level'],
    message: t('encuentro.error.levelForBlock', {
      level: (CONTRIBUTION_LEVELS as readonly string[]).includes(value.level) ? levelLabel(value.level as never) : value.level,
      block: blockShortLabel(value.block),
      allowed: LEVELS_BY_BLOCK[value.block].map((l) => levelLabel(l)).join(', '),
    }),
  });
}

export const contributionCreate = z
  .object({
    practiceId: id,
    /** Defaults to the practice's only sala. */
    salaId: id.nullable().optional(),
    block: contributionBlock,
    level: contributionLevel,
    text: contributionText.default(''),
    /** Insert right after this contribution of the same cell (Enter in the middle of a list); else at the end. */
    afterId: id.optional(),
    revision: revision.default(0),
    /**
     * A key the client invents per new item (e.g. a UUID): a create retried after a lost answer
     * returns the first one instead of adding a duplicate.
     */
    clientKey: z.string().trim().min(1).max(100).optional(),
  })
  .superRefine(refineBlockLevel);

export const contributionMove = z
  .object({ id, block: contributionBlock, level: contributionLevel, afterId: id.optional() })
  .superRefine(refineBlockLevel);

export const synthesisLevel = z.enum(SYNTHESIS_LEVELS);
export const synthesisAxis = z.enum(SYNTHESIS_AXES);
export const synthesisStatus = z.enum(SYNTHESIS_STATUSES);
export const synthesisText = z
  .string()
  .max(4000, { error: t('validation.tooLong', { max: 4000 }) });

export const attendeeFields = z.object({
  fullName: requiredText(200),
  dni: z
    .string()
    .trim()
    .default('')
    .refine(isValidDni, { error: t('encuentro.error.dni') }),
  institution: optionalText(300),
  institutionType: z.enum(INSTITUTION_TYPES, { error: () => t('encuentro.error.institutionType') }),
  cargo: optionalText(200),
  region: optionalText(100),
});
export type AttendeeFields = z.infer<typeof attendeeFields>;
export type AttendeeFieldsInput = z.input<typeof attendeeFields>;
