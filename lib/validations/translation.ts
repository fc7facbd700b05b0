import { z } from 'zod';
import { locales } from '@/lib/i18n/routing';
import { MAX_BLOCK_CHARS } from '@/lib/translation/limits';
import { oneLine } from '@/lib/validations/text';

const id = z.string().min(1).max(64);

export const claimSchema = z.object({ postId: id, locale: z.enum(locales) });

/**
 * The interface language an action is bound to. The browser sends it back with every call, so it
 * is as untrusted as a form field, and the action redirects to an address that starts with it.
 */
export const uiLocaleSchema = z.enum(locales);

export const saveDraftSchema = z.object({
  draftId: id,
  baseVersion: z.number().int().min(1),
  title: oneLine(z.string().max(300, 'FormErrors.tooLong')),
  blocks: z.array(z.string().max(MAX_BLOCK_CHARS, 'FormErrors.tooLong')).max(5000),
});

export const submitDraftSchema = z.object({ draftId: id, baseVersion: z.number().int().min(1) });

export const draftIdSchema = z.object({ draftId: id });

export const commentSchema = z.object({
  draftId: id,
  blockIndex: z.coerce.number().int().min(0).max(5000),
  body: z.string().trim().min(1, 'FormErrors.required').max(5000, 'FormErrors.tooLong'),
});

export const requestChangesSchema = z.object({
  draftId: id,
  note: z.string().trim().min(1, 'FormErrors.required').max(5000, 'FormErrors.tooLong'),
});

export const previewSchema = z.object({ markdown: z.string().max(200_000) });

export const glossarySchema = z.object({
  term: z.string().trim().min(1, 'FormErrors.required').max(120, 'FormErrors.tooLong'),
  locale: z.enum(locales),
  translation: z.string().trim().min(1, 'FormErrors.required').max(200, 'FormErrors.tooLong'),
  note: z
    .string()
    .trim()
    .max(500, 'FormErrors.tooLong')
    .transform((v) => (v === '' ? null : v)),
});

export const sourceEditSchema = z.object({
  slug: z.string().min(1).max(200),
  baseVersion: z.number().int().min(1),
  title: oneLine(z.string().trim().min(1, 'FormErrors.required').max(300, 'FormErrors.tooLong')),
  body: z.string().min(1, 'FormErrors.required').max(1_000_000, 'FormErrors.tooLong'),
});
