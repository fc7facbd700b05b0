import { parseFrontMatter, FrontMatterError } from '@/lib/content/front-matter';
import { parseDay, utcMidnight } from './dates';
import { normalizeLocale, slugify, webUrl } from './names';
import { ImportFileError } from './read-source';
import {
  describeIssue,
  DIRECTORY_KEYS,
  HANDLE,
  directoryCardSchema,
  POST_KEYS,
  postFrontMatterSchema,
  type DirectoryCard,
  type PersonEntry,
} from './schemas';
import type { PersonRef, PostAuthorRef } from './types';

/** One Markdown document in any of the post dialects, mapped to Qiao's fields. */
export type PostDocument = {
  locale: string | null;
  title: string | null;
  summary: string | null;
  body: string;
  thumbnail: string | null;
  forceLinkToOtherLanguage: boolean;
  canonicalUrl: string | null;
  publishedAt: Date | null;
  authors: PostAuthorRef[];
  translators: PersonRef[];
  proofreaders: PersonRef[];
  tags: string[];
  warnings: string[];
};

export type ParsedDocument =
  | { kind: 'post'; post: PostDocument }
  | { kind: 'directory'; card: DirectoryCard; body: string; warnings: string[] };

function splitFrontMatter(text: string) {
  try {
    const parsed = parseFrontMatter(text);
    if (Object.keys(parsed.data).length === 0 && /^---[ \t]*\n/.test(text) && parsed.body === text) {
      throw new ImportFileError('front matter opened with "---" is never closed');
    }
    return parsed;
  } catch (error) {
    if (error instanceof FrontMatterError) throw new ImportFileError(`bad YAML in front matter: ${error.message.replace(/:\s*$/, '')}`);
    throw error;
  }
}

function authorRef(p: PersonEntry): PostAuthorRef {
  return {
    handle: p.user,
    ...(p.guest ? { isGuest: true } : {}),
    proofreader: p.proofreader ?? false,
    organization: p.org ?? null,
  };
}

function personRef(p: PersonEntry): PersonRef {
  return { handle: p.user, ...(p.guest ? { isGuest: true } : {}) };
}

function ignoredKeys(data: Record<string, unknown>, known: Set<string>, handled: string[]): string | null {
  const unknown = Object.keys(data).filter((k) => !known.has(k) && !handled.includes(k));
  return unknown.length > 0 ? `ignored unknown front-matter ${unknown.length === 1 ? 'key' : 'keys'} ${unknown.map((k) => `"${k}:"`).join(', ')}` : null;
}

/**
 * Parses a document's front matter in whichever dialect it is written (Hugging Face, VuePress,
 * Astro, or a directory card) and validates it. Misspellings real repositories contain are read
 * as what they meant and reported; anything else wrong is an ImportFileError.
 */
export function parseDocument(text: string): ParsedDocument {
  const { data: raw, body } = splitFrontMatter(text);
  const warnings: string[] = [];

  if (typeof raw.name === 'string' && 'url' in raw && !('title' in raw)) {
    const card = directoryCardSchema.safeParse(raw);
    if (!card.success) throw new ImportFileError(`directory card: ${describeIssue(card.error)}`);
    const extra = ignoredKeys(raw, DIRECTORY_KEYS, []);
    return { kind: 'directory', card: card.data, body, warnings: extra ? [extra] : [] };
  }

  const data: Record<string, unknown> = { ...raw };
  const handled: string[] = [];
  if ('translator' in data) {
    warnings.push('"translator:" read as "translators:"');
    data.translators = [...asArray(data.translators), ...asArray(data.translator)];
    handled.push('translator');
  }
  if (Array.isArray(data.author) && data.author.some((a) => a && typeof a === 'object')) {
    warnings.push('"author:" with a list of users read as "authors:"');
    data.authors = [...asArray(data.authors), ...data.author];
    delete data.author;
  }
  const parsed = postFrontMatterSchema.safeParse(data);
  if (!parsed.success) throw new ImportFileError(`front matter ${describeIssue(parsed.error)}`);
  const fm = parsed.data;
  const extra = ignoredKeys(raw, POST_KEYS, handled);
  if (extra) warnings.push(extra);

  const language = fm.lang ?? fm.locale ?? fm.language;
  const locale = language === undefined ? null : normalizeLocale(language);
  if (language !== undefined && !locale) warnings.push(`"lang: ${language}" is not a language code; ignored`);

  const dateText = fm.publishDate ?? fm.date;
  const day = dateText === undefined ? null : parseDay(dateText);
  if (dateText !== undefined && !day) warnings.push(`date "${String(dateText)}" not understood; ignored`);
  else if (day && !day.precise) warnings.push(`date "${String(dateText)}" has no day; read as the 1st`);

  const authors = (fm.authors ?? []).map(authorRef);
  if (authors.length === 0 && typeof fm.author === 'string') {
    // Astro names an author by handle or by name ("Jane Doe" → jane-doe, shown as Jane Doe).
    const handle = HANDLE.test(fm.author) ? fm.author : slugify(fm.author);
    if (!handle) throw new ImportFileError(`front matter "author" "${fm.author}" cannot be made into a user name`);
    authors.push({ handle, ...(handle === fm.author ? {} : { displayName: fm.author }), proofreader: false, organization: null });
  }
  else if (authors.length === 0 && Array.isArray(fm.author)) authors.push(...fm.author.map(authorRef));
  const people = fm.translators ?? [];

  return {
    kind: 'post',
    post: {
      locale,
      title: fm.title ? fm.title : null,
      summary: fm.summary || fm.description || fm.excerpt || null,
      body,
      thumbnail: fm.thumbnail ?? fm.image ?? null,
      forceLinkToOtherLanguage: fm.forceLinkToOtherLanguage ?? false,
      canonicalUrl: webUrl(fm.metadata?.canonical ?? fm.canonical_url ?? fm.canonical, 'canonical URL', warnings),
      publishedAt: day ? utcMidnight(day.day) : null,
      authors: dedupeByHandle(authors, warnings, 'authors'),
      translators: dedupeByHandle(people.filter((p) => !p.proofreader).map(personRef), warnings, 'translators'),
      proofreaders: dedupeByHandle(people.filter((p) => p.proofreader).map(personRef), warnings, 'proofreaders'),
      tags: [...(fm.category ?? []), ...(fm.tags ?? [])],
      warnings,
    },
  };
}

function asArray(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

function dedupeByHandle<T extends { handle: string }>(list: T[], warnings: string[], what: string): T[] {
  const seen = new Set<string>();
  const out = list.filter((p) => !seen.has(p.handle) && seen.add(p.handle));
  if (out.length < list.length) warnings.push(`${what} name the same user twice; kept the first`);
  return out;
}
