import path from 'node:path';
import { assemblePost, localizationOf, translationOnly, type LocalizedDocument } from './assemble';
import { failed, type ImportContext } from './context';
import type { BlogIndex } from './index-files';
import type { PostFiles } from './layout';
import { parseDocument } from './parse-document';
import { ImportFileError, readSourceFile } from './read-source';
import type { ImportedLocalization, ImportedPost, Outcome } from './types';

type Fields = Omit<ImportedLocalization, 'importHash'>;
type Loaded = LocalizedDocument & { fields: Fields; warnings: string[] };

/** Outcomes by slug and language, for the `_blog.yml` lines written after the posts. */
export type PostLedger = Map<string, Map<string, Outcome>>;

async function load(root: string, relative: string, locale: string, slug: string, indexes: Map<string, BlogIndex>): Promise<Loaded> {
  const { text, warnings } = await readSourceFile(path.join(root, relative));
  const parsed = parseDocument(text);
  if (parsed.kind !== 'post') throw new ImportFileError('a directory card (name, url), not a post: cards belong in _directory/');
  const doc = parsed.post;
  warnings.push(...doc.warnings);
  const d: LocalizedDocument = { locale, path: relative, doc, index: indexes.get(locale)?.entries.get(slug) };
  return { ...d, fields: localizationOf(d, warnings), warnings };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Imports one post: its original and translations are read, validated and written together, in
 * one transaction (see lib/dal/import.ts). A file that fails is reported and left out; the post's
 * other files still go in when they can stand without it.
 */
export async function importPostFiles(root: string, group: PostFiles, rootLocale: string, indexes: Map<string, BlogIndex>, ctx: ImportContext, ledger: PostLedger) {
  const { slug } = group;
  let original: Loaded | null = null;
  let originalFailed = false;
  if (group.original) {
    try {
      original = await load(root, group.original, rootLocale, slug, indexes);
      // A root file may say it is written in another language (Qiao's export of a Chinese original).
      if (original.doc.locale && original.doc.locale !== rootLocale) {
        original = { ...original, locale: original.doc.locale, fields: { ...original.fields, locale: original.doc.locale } };
      }
    } catch (error) {
      originalFailed = true;
      ctx.report(failed(group.original, error));
    }
  }

  const translations: Loaded[] = [];
  for (const t of group.translations) {
    try {
      const loaded = await load(root, t.path, t.locale, slug, indexes);
      if (loaded.doc.locale && loaded.doc.locale !== t.locale) loaded.warnings.push(`"lang: ${loaded.doc.locale}" ignored: the folder says ${t.locale}`);
      if (original && t.locale === original.locale) throw new ImportFileError(`same language (${t.locale}) as its original ${original.path}`);
      translations.push(loaded);
    } catch (error) {
      ctx.report(failed(t.path, error));
    }
  }
  if (!original && translations.length === 0) return;

  const paths = new Map<string, Loaded>();
  let post: ImportedPost;
  const notes = new Map<string, string>();
  if (original) {
    post = assemblePost(slug, original, translations);
    for (const l of [original, ...translations]) paths.set(l.locale, l);
  } else {
    const existing = await ctx.sink.findPost(slug).catch(() => null);
    const usable = existing ? translations.filter((t) => t.locale !== existing.sourceLocale) : translations;
    if (existing && usable.length > 0) {
      // The original is already on the site: the translations update it without touching it.
      const why = originalFailed ? 'its original failed here; written against the post already on the site' : null;
      for (const t of usable) {
        paths.set(t.locale, t);
        if (why) notes.set(t.locale, why);
      }
      await writeEach(usable.map((t) => translationOnly(slug, existing.sourceLocale, t.fields)), ctx, paths, ledger, notes);
      return;
    }
    if (originalFailed) {
      for (const t of translations) ctx.report(failed(t.path, new ImportFileError(`not imported: its original ${group.original} failed, and a translation needs its original`), t.warnings));
      return;
    }
    // A translation with no original becomes a post in its own language.
    const [first, ...rest] = translations as [Loaded, ...Loaded[]];
    first.warnings.push(`no original ${slug}.md: imported as a post in ${first.locale}`);
    post = assemblePost(slug, first, rest);
    for (const l of translations) paths.set(l.locale, l);
  }
  await writeEach([post], ctx, paths, ledger, notes);
}

async function writeEach(posts: ImportedPost[], ctx: ImportContext, paths: Map<string, Loaded>, ledger: PostLedger, notes: Map<string, string>) {
  for (const post of posts) {
    try {
      const result = await ctx.sink.importPost(post, ctx.render, { dryRun: ctx.dryRun });
      const sourceOutcome = result.localizations[post.sourceLocale];
      for (const l of post.localizations) {
        const file = paths.get(l.locale)!;
        const outcome = result.localizations[l.locale] ?? 'unchanged';
        let detail = notes.get(l.locale);
        if (l.locale === post.sourceLocale && result.behind.length > 0 && sourceOutcome === 'updated') {
          detail = `${plural(result.behind.length, 'translation', 'translations')} (${result.behind.join(', ')}) now behind this original`;
        } else if (result.behind.includes(l.locale)) {
          detail = 'its original changed: now marked behind it';
        }
        if (!ledger.has(post.slug)) ledger.set(post.slug, new Map());
        ledger.get(post.slug)!.set(l.locale, outcome);
        ctx.report({ path: file.path, outcome, detail, warnings: file.warnings });
      }
    } catch (error) {
      for (const l of post.localizations) {
        const file = paths.get(l.locale)!;
        ctx.report(failed(file.path, error, file.warnings));
      }
    }
  }
}
