import path from 'node:path';
import { assemblePost, localizationOf, translationOnly } from './assemble';
import { failed, type ImportContext } from './context';
import { contentHash } from './hash';
import { guessLocale, isPostSlug, slugFromFileName } from './names';
import { parseDocument, type ParsedDocument } from './parse-document';
import { ImportFileError, readSourceFile } from './read-source';
import type { FileReport, ImportedDirectoryEntry, ImportedPost } from './types';

export type SingleFileOptions = { locale?: string; slug?: string };

function cardEntry(slug: string, parsed: Extract<ParsedDocument, { kind: 'directory' }>): ImportedDirectoryEntry {
  const { name, url, info, tags } = parsed.card;
  const fields = { slug, name, url, info, tags, body: parsed.body };
  return { ...fields, importHash: contentHash(fields) };
}

/** A channel-directory card (`name`, `url`, `info`, `tags`) becomes a DirectoryEntry. */
export async function importDirectoryCard(file: string, shown: string, slug: string, ctx: ImportContext, parsed?: ParsedDocument, warnings: string[] = []) {
  try {
    let doc = parsed;
    if (!doc) {
      const source = await readSourceFile(file);
      warnings.push(...source.warnings);
      doc = parseDocument(source.text);
    }
    if (doc.kind !== 'directory') throw new ImportFileError('not a directory card: it needs "name:" and "url:" and no "title:"');
    warnings.push(...doc.warnings);
    const outcome = await ctx.sink.importDirectoryEntry(cardEntry(slug, doc), { dryRun: ctx.dryRun });
    ctx.report({ path: shown, outcome, detail: `directory entry "${slug}"`, warnings });
  } catch (error) {
    ctx.report(failed(shown, error, warnings));
  }
}

/**
 * One file given on its own, in any dialect and with any extension (the seeds are `.txt`). The
 * slug comes from `--slug` or the file name; the language from `--locale`, the front matter, or
 * a guess from the script the text is written in. When a post with that slug exists in another
 * language, the file is its translation.
 */
export async function importSingleFile(file: string, options: SingleFileOptions, ctx: ImportContext): Promise<void> {
  ctx.expect(1);
  const warnings: string[] = [];
  try {
    if (options.slug !== undefined && !isPostSlug(options.slug)) throw new ImportFileError(`--slug "${options.slug}" is not a usable slug (letters, digits, . _ -)`);
    const slug = options.slug ?? slugFromFileName(path.basename(file));
    if (!slug) throw new ImportFileError('no slug can be made from the file name; pass --slug');
    const source = await readSourceFile(file);
    warnings.push(...source.warnings);
    const parsed = parseDocument(source.text);
    if (parsed.kind === 'directory') return await importDirectoryCard(file, file, slug, ctx, parsed, warnings);

    const doc = parsed.post;
    warnings.push(...doc.warnings);
    let locale = options.locale ?? doc.locale;
    if (options.locale && doc.locale && options.locale !== doc.locale) warnings.push(`front matter says "${doc.locale}"; --locale ${options.locale} wins`);
    if (!locale) {
      locale = guessLocale(doc.body);
      warnings.push(`no language given: read as ${locale} from its script (pass --locale to choose)`);
    }
    const fields = localizationOf({ locale, path: file, doc }, warnings);
    const existing = await ctx.sink.findPost(slug);
    let post: ImportedPost;
    let detail: string | undefined;
    if (existing && existing.sourceLocale !== locale) {
      post = translationOnly(slug, existing.sourceLocale, fields);
      detail = `translation (${locale}) of "${slug}"`;
    } else {
      if (doc.translators.length > 0 && !existing) warnings.push(`credits translators, but no post "${slug}" exists in another language: imported as a post in ${locale}`);
      post = assemblePost(slug, { locale, path: file, doc, fields }, []);
      detail = `post "${slug}" (${locale})`;
    }
    const result = await ctx.sink.importPost(post, ctx.render, { dryRun: ctx.dryRun });
    if (result.behind.length > 0 && result.localizations[locale] === 'updated') detail += `; ${result.behind.join(', ')} now behind it`;
    const report: FileReport = { path: file, outcome: result.localizations[locale] ?? 'unchanged', detail, warnings };
    ctx.report(report);
  } catch (error) {
    ctx.report(failed(file, error, warnings));
  }
}
