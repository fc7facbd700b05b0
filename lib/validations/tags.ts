import { z } from 'zod';
import { SLUG_PATTERN } from '@/lib/validations/directory';

// Messages are keys under TagForm.errors, translated where they are shown.
const E = (key: string) => `TagForm.errors.${key}`;

export const TAG_LIMITS = { slug: 60, label: 60 } as const;
export const TAG_PAGE_SIZE = 50;

// Labels are plain text shown as React text; control characters and line breaks have no place
// in a one-line label.
const label = z
  .string()
  .transform((v) => v.replace(/\s+/g, ' ').trim())
  .pipe(z.string().max(TAG_LIMITS.label, E('labelTooLong')).refine((v) => !/\p{Cc}/u.test(v), E('labelInvalid')))
  .optional()
  .transform((v) => v ?? '');

export const tagLabelsSchema = z.object({ labelEn: label, labelZh: label });
export type TagLabelsInput = z.output<typeof tagLabelsSchema>;

export const tagCreateSchema = tagLabelsSchema.extend({
  slug: z
    .string()
    .trim()
    .min(1, E('slugRequired'))
    .max(TAG_LIMITS.slug, E('slugInvalid'))
    .regex(SLUG_PATTERN, E('slugInvalid')),
});
export type TagCreateInput = z.output<typeof tagCreateSchema>;

const id = z.string().min(1).max(64);
export const tagIdSchema = z.object({ id });
export const tagEditSchema = z.object({ id, version: z.coerce.number().int().min(1).max(2_147_483_647) });

/** The admin list's `?q=`: cut, not refused (it is a search box). */
export const tagQuerySchema = z
  .string()
  .optional()
  .catch(undefined)
  .transform((v) => (v ? v.trim().slice(0, 60) : undefined) || undefined);
