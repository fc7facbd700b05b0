import { z } from 'zod';
import { isHttpsUrl } from '@/lib/validations/events';
import { oneLine } from '@/lib/validations/text';

// Messages are keys under DirectoryForm.errors, translated where they are shown.
const E = (key: string) => `DirectoryForm.errors.${key}`;

export const DIRECTORY_LIMITS = { slug: 80, name: 100, url: 500, info: 500, tags: 12, tag: 40, body: 20_000 } as const;

/** Lower-case letters, digits and single hyphens between them: `hugging-face-hub`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Control characters would make a tag that cannot be typed into the filter or seen on the page.
const CONTROL = /\p{Cc}/u;

/**
 * "nlp, 开源、 NLP ,," → ["nlp", "开源"]: split on Latin and Chinese commas, trimmed, inner spaces
 * collapsed, empties dropped, and duplicates (ignoring case and full-width forms) kept once.
 */
export function parseTagList(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(/[,，、\n]/)) {
    const tag = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
    const key = tag.normalize('NFKC').toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

const tagList = z
  .string()
  .max(DIRECTORY_LIMITS.tags * (DIRECTORY_LIMITS.tag + 2), E('tooManyTags'))
  .optional()
  .transform((v) => parseTagList(v ?? ''))
  .pipe(
    z
      .array(z.string().max(DIRECTORY_LIMITS.tag, E('tagTooLong')).refine((t) => !CONTROL.test(t), E('tagInvalid')))
      .max(DIRECTORY_LIMITS.tags, E('tooManyTags')),
  );

// Name and info are plain text: the pages render them as React text, never as HTML.
export const directoryFormSchema = z.object({
  name: oneLine(z.string().trim().min(1, E('nameRequired')).max(DIRECTORY_LIMITS.name, E('nameTooLong'))),
  url: z
    .string()
    .trim()
    .min(1, E('urlInvalid'))
    .max(DIRECTORY_LIMITS.url, E('urlInvalid'))
    .refine((v) => isHttpsUrl(v), E('urlInvalid')),
  info: z.string().trim().max(DIRECTORY_LIMITS.info, E('infoTooLong')).optional().transform((v) => v ?? ''),
  tags: tagList,
  // Markdown; rendered and sanitized by the data layer before it is stored.
  body: z.string().max(DIRECTORY_LIMITS.body, E('bodyTooLong')).optional().transform((v) => (v ?? '').replace(/\r\n?/g, '\n').trim()),
  hidden: z.enum(['on', 'true']).optional().transform((v) => v !== undefined),
});
export type DirectoryInput = z.output<typeof directoryFormSchema>;

/** The create form also names the entry; the slug is its export file name, so it never changes. */
export const directoryCreateSchema = directoryFormSchema.extend({
  slug: z.string().trim().min(1, E('slugRequired')).max(DIRECTORY_LIMITS.slug, E('slugInvalid')).regex(SLUG_PATTERN, E('slugInvalid')),
});
export type DirectoryCreateInput = z.output<typeof directoryCreateSchema>;

const id = z.string().min(1).max(64);
export const directoryIdSchema = z.object({ id });
export const directoryEditSchema = z.object({ id, version: z.coerce.number().int().min(1).max(2_147_483_647) });
export const directoryMoveSchema = z.object({ id, direction: z.enum(['up', 'down']) });
export const directoryHideSchema = z.object({ id, hidden: z.enum(['true', 'false']).transform((v) => v === 'true') });

/** The public page's `?q=`: anything longer is cut, not refused (it is a search box). */
export const directoryQuerySchema = z
  .string()
  .optional()
  .catch(undefined)
  .transform((v) => (v ? Array.from(v.replace(/\s+/g, ' ').trim()).slice(0, 100).join('') : undefined))
  .transform((v) => v || undefined);
