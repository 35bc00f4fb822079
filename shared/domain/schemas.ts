import { z } from 'zod';
import { t } from '../i18n';

/**
 * Input schemas shared by the forms (renderer) and the services (main side), so a
 * rule is written once and both sides give the same Spanish message.
 */
// Zod's own messages (wrong type, etc.) in Spanish too.
z.config(z.locales.es());

const CURRENT_YEAR = new Date().getFullYear();

export const id = z.number().int().positive();

export const requiredText = (max = 300) =>
  z
    .string()
    .trim()
    .min(1, { error: t('validation.required') })
    .max(max, { error: t('validation.tooLong', { max }) });

export const optionalText = (max = 4000) =>
  z
    .string()
    .trim()
    .max(max, { error: t('validation.tooLong', { max }) })
    .default('');

export const isoDate = z
  .string()
  .trim()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, { error: t('validation.date') })
  .refine((v) => v === '' || !Number.isNaN(Date.parse(v)), { error: t('validation.date') })
  .default('');

export const editionFields = z.object({
  year: z
    .number({ error: t('validation.number') })
    .int()
    .min(2016, { error: t('validation.year', { min: 2016, max: CURRENT_YEAR + 2 }) })
    .max(CURRENT_YEAR + 2, { error: t('validation.year', { min: 2016, max: CURRENT_YEAR + 2 }) }),
  name: requiredText(200),
  lema: optionalText(300),
  legalReference: optionalText(200),
  startDate: isoDate,
  endDate: isoDate,
});
export type EditionFields = z.infer<typeof editionFields>;

export const categoryFields = z.object({
  name: requiredText(200),
  description: optionalText(2000),
});

export const rubricLevel = z.object({
  value: z.number({ error: t('validation.number') }),
  label: optionalText(100),
  descriptor: optionalText(2000),
});
export type RubricLevel = z.infer<typeof rubricLevel>;

export const criterionFields = z
  .object({
    name: requiredText(200),
    description: optionalText(2000),
    weight: z.number({ error: t('validation.number') }).positive({ error: t('error.criterion.weightPositive') }),
    scaleMin: z.number({ error: t('validation.number') }),
    scaleMax: z.number({ error: t('validation.number') }),
    scaleStep: z.number({ error: t('validation.number') }),
    independent: z.boolean().default(false),
    categoryIds: z.array(id).default([]),
    levels: z.array(rubricLevel).default([]),
  })
  .superRefine((c, ctx) => {
    if (!(c.scaleMin < c.scaleMax)) {
      ctx.addIssue({ code: 'custom', path: ['scaleMax'], message: t('error.criterion.scaleOrder', { min: c.scaleMin, max: c.scaleMax }) });
      return;
    }
    const range = c.scaleMax - c.scaleMin;
    if (!(c.scaleStep > 0) || c.scaleStep > range) {
      ctx.addIssue({ code: 'custom', path: ['scaleStep'], message: t('error.criterion.scaleStep', { range }) });
    }
    const seen = new Set<number>();
    c.levels.forEach((level, index) => {
      if (level.value < c.scaleMin || level.value > c.scaleMax) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', index, 'value'],
          message: t('error.criterion.levelOutOfScale', { value: level.value, min: c.scaleMin, max: c.scaleMax }),
        });
      }
      if (seen.has(level.value)) {
        ctx.addIssue({ code: 'custom', path: ['levels', index, 'value'], message: t('error.criterion.levelDuplicate', { value: level.value }) });
      }
      seen.add(level.value);
    });
  });
export type CriterionFields = z.infer<typeof criterionFields>;

export const stageFields = z.object({
  name: requiredText(200),
  cutoff: z.number({ error: t('validation.number') }).min(0, { error: t('error.stage.cutoffNegative') }).nullable().default(null),
});
export type StageFields = z.infer<typeof stageFields>;

export const ENTRY_STATUSES = ['pending', 'passed', 'notPassed', 'observed'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** An e-mail address as the forms accept it (also the import's quick check, import/entries/fields-check.ts). */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An evidence link as the forms accept it (idem). */
export const LINK_PATTERN = /^https?:\/\/\S+$/i;

export const emailOrEmpty = z
  .string()
  .trim()
  .max(200)
  .refine((v) => v === '' || EMAIL_PATTERN.test(v), { error: t('validation.email') })
  .default('');

export const evidenceLinks = z
  .array(z.string().trim().regex(LINK_PATTERN, { error: t('validation.url') }))
  .max(50)
  .default([]);

export const entryFields = z.object({
  code: z.string().trim().max(50, { error: t('validation.tooLong', { max: 50 }) }).default(''),
  igedId: id.nullable(),
  region: optionalText(100),
  title: requiredText(500),
  categoryId: id.nullable().default(null),
  startYear: z
    .number({ error: t('validation.number') })
    .int()
    .min(1990, { error: t('validation.year', { min: 1990, max: CURRENT_YEAR + 1 }) })
    .max(CURRENT_YEAR + 1, { error: t('validation.year', { min: 1990, max: CURRENT_YEAR + 1 }) })
    .nullable()
    .default(null),
  summary: optionalText(8000),
  problem: optionalText(8000),
  results: optionalText(8000),
  evidenceLinks,
  contactName: optionalText(200),
  contactCargo: optionalText(200),
  contactEmail: emailOrEmpty,
  contactPhone: optionalText(50),
  team: optionalText(2000),
});
export type EntryFields = z.infer<typeof entryFields>;
export type EntryFieldsInput = z.input<typeof entryFields>;

export const YEAR_BOUNDS = { entryMin: 1990, entryMax: CURRENT_YEAR + 1 };
