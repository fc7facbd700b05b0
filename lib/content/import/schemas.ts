import { z } from 'zod';

// Shapes of what an imported repository may contain. YAML is loosely typed in practice
// (`title: 2024` is a number, `forceLinkToOtherLanguage: on` a string in YAML 1.2, a single
// author is written without a list), so values are coerced here rather than rejected.

const YAML_BOOLEANS: Record<string, boolean> = { on: true, yes: true, true: true, y: true, off: false, no: false, false: false, n: false };

export const yamlBoolean = z.preprocess(
  (v) => (typeof v === 'string' ? (YAML_BOOLEANS[v.trim().toLowerCase()] ?? v) : v),
  z.boolean(),
);

const scalarText = z.preprocess((v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v), z.string().trim());
const text = scalarText.pipe(z.string().min(1, 'is empty'));

// Handles become `/authors/<handle>` URLs: Hugging Face user names, nothing else.
export const HANDLE = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
const handle = text.pipe(z.string().max(100, 'is too long for a user name').regex(HANDLE, 'is not a user name (letters, digits, . _ -)'));

const person = z.preprocess(
  (v) => (typeof v === 'string' ? { user: v } : v),
  z.object({
    user: handle,
    guest: yamlBoolean.optional(),
    org: text.optional(),
    proofreader: yamlBoolean.optional(),
  }),
);

const asList = (v: unknown) => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const peopleSchema = z.preprocess(asList, z.array(person));
export type PersonEntry = z.infer<typeof person>;

/** `tags: [a, b]`, `tags: a, b` or a single tag. */
export const tagListSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',') : asList(v)),
  z.array(scalarText).transform((tags) => tags.filter((t) => t.length > 0)),
);

const dateValue = z.union([scalarText, z.date()]);

/** Every key the post dialects use: Hugging Face, VuePress, Astro, and a few common ones. */
export const postFrontMatterSchema = z.object({
  // Hugging Face blog
  title: scalarText.optional(),
  thumbnail: text.optional(),
  forceLinkToOtherLanguage: yamlBoolean.optional(),
  authors: peopleSchema.optional(),
  translators: peopleSchema.optional(),
  // VuePress
  lang: text.optional(),
  description: scalarText.optional(),
  // Astro blog
  publishDate: dateValue.optional(),
  author: z.union([text, peopleSchema]).optional(),
  excerpt: scalarText.optional(),
  image: text.optional(),
  category: tagListSchema.optional(),
  tags: tagListSchema.optional(),
  metadata: z.object({ canonical: text.optional() }).loose().optional(),
  // Written by Qiao's export, and common elsewhere
  locale: text.optional(),
  language: text.optional(),
  date: dateValue.optional(),
  summary: scalarText.optional(),
  canonical_url: text.optional(),
  canonical: text.optional(),
});
export type PostFrontMatter = z.infer<typeof postFrontMatterSchema>;
export const POST_KEYS = new Set(Object.keys(postFrontMatterSchema.shape));

const httpUrl = z.url({ protocol: /^https?$/, error: 'is not an http(s) URL' });

/** A channel-directory card (seed 002): name, url, info, tags. */
export const directoryCardSchema = z.object({
  name: text,
  url: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), httpUrl),
  info: scalarText.default(''),
  tags: tagListSchema.default([]),
});
export type DirectoryCard = z.infer<typeof directoryCardSchema>;
export const DIRECTORY_KEYS = new Set(Object.keys(directoryCardSchema.shape));

/** One entry of `_blog.yml` or `<lang>/_blog.yml`. */
export const blogIndexEntrySchema = z.object({
  local: text.optional(),
  external: text.optional(),
  title: scalarText.optional(),
  author: text.optional(),
  thumbnail: text.optional(),
  date: dateValue.optional(),
  tags: tagListSchema.optional(),
  guest: yamlBoolean.optional(),
});
export type BlogIndexEntry = z.infer<typeof blogIndexEntrySchema>;

export const EVENT_TYPES = ['hackathon', 'meetup', 'course', 'competition', 'talk', 'other'] as const;
export type EventTypeName = (typeof EVENT_TYPES)[number];

/** One entry of `_events.yml`; `slug` and `type` are written by Qiao's export. */
export const eventEntrySchema = z.object({
  name: text,
  link: text.optional(),
  date: dateValue.optional(),
  date_formatted: scalarText.optional(),
  description: scalarText.default(''),
  slug: text.optional(),
  type: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(EVENT_TYPES)).optional(),
});
export type EventEntry = z.infer<typeof eventEntrySchema>;

/** `_tags.yml`: Hugging Face's `{value, label}` per language folder, or `{slug, en, zh}`. */
export const tagEntrySchema = z.union([
  z.object({ value: text, label: text.optional() }),
  z.object({ slug: text }).catchall(scalarText),
]);
export type TagEntry = z.infer<typeof tagEntrySchema>;

/** `_authors.yml` (Qiao's demo content): display names and bios for handles. */
export const authorEntrySchema = z.object({
  handle,
  name: text.optional(),
  guest: yamlBoolean.optional(),
  org: yamlBoolean.optional(),
  bio: scalarText.optional(),
  bio_en: scalarText.optional(),
  bio_zh: scalarText.optional(),
});
export type AuthorEntry = z.infer<typeof authorEntrySchema>;

/** The first problem zod found, phrased for the report: `authors.1.user: expected string`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.map(String).join('.');
  return where ? `"${where}" ${issue.message}` : issue.message;
}
