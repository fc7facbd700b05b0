import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { authorsFile, blogIndexFile, directoryCardFile, eventsFile, postFile, tagsFile, type IndexEntry } from './serialize';
import type { ExportSource } from './types';

export type ExportOptions = {
  /** The language whose files sit at the root (default `en`); others go in `<lang>/`. */
  rootLocale?: string;
  onFile?: (relativePath: string) => void;
};

export type ExportResult = { files: number; posts: number; translations: number; events: number; directoryEntries: number };

/**
 * Writes the site's published content in the Hugging Face blog layout: `<slug>.md` originals,
 * `<lang>/<slug>.md` translations, `_blog.yml` indexes, `_events.yml`, `_tags.yml`, plus
 * `_authors.yml` and `_directory/` for what that layout has no place for. Files are written as
 * posts stream in; only the small index entries are held until the end. Importing the result
 * into an empty database and exporting again gives the same bytes.
 */
export async function runExport(folder: string, source: ExportSource, options: ExportOptions = {}): Promise<ExportResult> {
  const rootLocale = options.rootLocale ?? 'en';
  const result: ExportResult = { files: 0, posts: 0, translations: 0, events: 0, directoryEntries: 0 };
  const made = new Set<string>();
  const write = async (relative: string, text: string) => {
    if (!text) return;
    const dir = path.dirname(path.join(folder, relative));
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    await writeFile(path.join(folder, relative), text, 'utf8');
    result.files += 1;
    options.onFile?.(relative);
  };
  const folderOf = (locale: string, isSource: boolean) => (isSource ? '' : `${locale}/`);

  const indexes = new Map<string, IndexEntry[]>();
  const handles = new Set<string>();
  for await (const post of source.posts()) {
    result.posts += 1;
    for (const a of post.authors) handles.add(a.handle);
    for (const l of post.localizations) {
      const isSource = l.locale === post.sourceLocale;
      if (!isSource) result.translations += 1;
      for (const p of [...l.translators, ...l.proofreaders]) handles.add(p.handle);
      await write(`${folderOf(l.locale, isSource)}${post.slug}.md`, postFile(post, l, rootLocale));
      const indexLocale = isSource ? rootLocale : l.locale;
      if (!indexes.has(indexLocale)) indexes.set(indexLocale, []);
      indexes.get(indexLocale)!.push({
        slug: post.slug,
        title: l.title,
        author: post.authors[0] ?? null,
        thumbnail: post.thumbnail,
        date: isSource ? post.publishedAt : l.publishedAt,
        tags: post.tags,
      });
    }
  }
  for (const [locale, entries] of [...indexes].sort(([a], [b]) => a.localeCompare(b))) {
    await write(`${folderOf(locale, locale === rootLocale)}_blog.yml`, blogIndexFile(entries));
  }

  const tags = await source.tags();
  const tagLocales = [...new Set(tags.flatMap((t) => Object.keys(t.labels)))].sort();
  for (const locale of tagLocales) await write(`${folderOf(locale, locale === rootLocale)}_tags.yml`, tagsFile(tags, locale));

  await write('_authors.yml', authorsFile(await source.authors([...handles].sort())));

  const events = await source.events();
  result.events = events.length;
  const eventLocales = [...new Set(events.flatMap((e) => e.localizations.map((l) => l.locale)))].sort();
  for (const locale of eventLocales) await write(`${folderOf(locale, locale === rootLocale)}_events.yml`, eventsFile(events, locale));

  for (const card of await source.directory()) {
    result.directoryEntries += 1;
    await write(`_directory/${card.slug}.md`, directoryCardFile(card));
  }
  return result;
}
