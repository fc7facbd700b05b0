import { parseDay, utcMidnight } from './dates';
import { contentHash } from './hash';
import { slugify } from './names';
import type { PostDocument } from './parse-document';
import { ImportFileError } from './read-source';
import type { BlogIndexEntry } from './schemas';
import type { ImportedLocalization, ImportedPost, PostAuthorRef } from './types';

/** One parsed file of a post, with the `_blog.yml` entry of its language that names it. */
export type LocalizedDocument = { locale: string; path: string; doc: PostDocument; index?: BlogIndexEntry };

/** Read from the index when the file has no date; files and indexes disagreeing is common. */
function publishedAtOf(d: LocalizedDocument, warnings: string[]): Date | null {
  if (d.index?.date !== undefined) {
    const day = parseDay(d.index.date);
    if (day) {
      if (!day.precise) warnings.push(`index date "${String(d.index.date)}" has no day; read as the 1st`);
      return utcMidnight(day.day);
    }
    warnings.push(`index date "${String(d.index.date)}" not understood; ignored`);
  }
  return d.doc.publishedAt;
}

/** A language version's fields, or an ImportFileError when it has no title anywhere. */
export function localizationOf(d: LocalizedDocument, warnings: string[]): Omit<ImportedLocalization, 'importHash'> {
  const title = d.doc.title ?? d.index?.title ?? null;
  if (!title) throw new ImportFileError('missing title: neither the front matter nor _blog.yml gives one');
  return {
    locale: d.locale,
    title,
    summary: d.doc.summary,
    body: d.doc.body,
    publishedAt: publishedAtOf(d, warnings),
    translators: d.doc.translators,
    proofreaders: d.doc.proofreaders,
  };
}

function authorsOf(d: LocalizedDocument): PostAuthorRef[] {
  const { doc, index } = d;
  const authors = doc.authors.length > 0 ? doc.authors : index?.author ? [{ handle: index.author, proofreader: false, organization: null }] : [];
  // `guest: true` in the index marks the author it names.
  return index?.guest && index.author ? authors.map((a) => (a.handle === index.author ? { ...a, isGuest: true } : a)) : authors;
}

function tagsOf(d: LocalizedDocument): ImportedPost['tags'] {
  const seen = new Set<string>();
  const tags: ImportedPost['tags'] = [];
  for (const text of [...d.doc.tags, ...(d.index?.tags ?? [])]) {
    const slug = slugify(text);
    if (!slug || seen.has(slug)) continue;
    seen.add(slug);
    tags.push(slug === text ? { slug } : { slug, labelIfNew: { locale: d.locale, label: text } });
  }
  return tags;
}

/**
 * The post made of an original (which carries the post's own fields: authors, tags, thumbnail,
 * dates) and whichever translations parsed. Each language version carries a hash of everything
 * it is written from, so that the database layer can skip what did not change.
 */
export function assemblePost(slug: string, original: LocalizedDocument & { fields: Omit<ImportedLocalization, 'importHash'> }, translations: { locale: string; fields: Omit<ImportedLocalization, 'importHash'> }[]): ImportedPost {
  const d = original;
  const post = {
    slug,
    sourceLocale: d.locale,
    thumbnail: d.doc.thumbnail ?? d.index?.thumbnail ?? null,
    forceLinkToOtherLanguage: d.doc.forceLinkToOtherLanguage,
    canonicalUrl: d.doc.canonicalUrl,
    publishedAt: original.fields.publishedAt,
    authors: authorsOf(d),
    tags: tagsOf(d),
  };
  const source: ImportedLocalization = { ...original.fields, importHash: contentHash({ post, localization: original.fields }) };
  return {
    ...post,
    localizations: [source, ...translations.map(({ fields }) => ({ ...fields, importHash: contentHash({ localization: fields }) }))],
  };
}

/** A translation written alone against a post already in the database (its original failed here). */
export function translationOnly(slug: string, sourceLocale: string, fields: Omit<ImportedLocalization, 'importHash'>): ImportedPost {
  return {
    slug,
    sourceLocale,
    thumbnail: null,
    forceLinkToOtherLanguage: false,
    canonicalUrl: null,
    publishedAt: null,
    authors: [],
    tags: [],
    localizations: [{ ...fields, importHash: contentHash({ localization: fields }) }],
  };
}
