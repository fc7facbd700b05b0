import path from 'node:path';
import { combine, failed, forEachLimited, type ImportContext } from './context';
import { importDirectoryCard } from './import-file';
import { importPostFiles, type PostLedger } from './import-posts';
import { planEvents, type EventFile } from './events';
import { readAuthorProfiles, readBlogIndex, readTagLabels, readYamlList, summariseWarnings, type BlogIndex } from './index-files';
import { scanFolder, type LocalizedPath } from './layout';
import type { ImportedTagLabels, Outcome } from './types';

/**
 * Imports a folder in the Hugging Face blog layout. Order matters: author profiles and tag
 * labels first (posts refer to them), then posts one by one, then the index lines (whose outcome
 * is that of the posts they name), events and directory cards.
 */
export async function importFolder(root: string, rootLocale: string, ctx: ImportContext): Promise<void> {
  const plan = await scanFolder(root, rootLocale);
  ctx.expect(plan.fileCount);
  const abs = (relative: string) => path.join(root, relative);
  for (const r of plan.rejected) ctx.report({ path: r.path, outcome: 'failed', detail: r.reason, warnings: [] });

  for (const file of plan.authorFiles) {
    try {
      const { items, warnings } = await readYamlList(abs(file));
      const profiles = readAuthorProfiles(items);
      const outcomes = await ctx.sink.importAuthors(profiles.authors, { dryRun: ctx.dryRun });
      ctx.report({ path: file, outcome: combine(outcomes), warnings: summariseWarnings([...warnings, ...profiles.warnings]) });
    } catch (error) {
      ctx.report(failed(file, error));
    }
  }

  await importTagFiles(plan.tagFiles, abs, ctx);

  const indexes = new Map<string, BlogIndex>();
  const indexWarnings = new Map<string, string[]>();
  for (const file of plan.blogIndexes) {
    try {
      const { items, warnings } = await readYamlList(abs(file.path));
      const index = readBlogIndex(items);
      indexes.set(file.locale, index);
      indexWarnings.set(file.path, [...warnings, ...index.warnings]);
    } catch (error) {
      ctx.report(failed(file.path, error));
    }
  }

  const ledger: PostLedger = new Map();
  await forEachLimited(plan.posts, ctx.concurrency, (group) => importPostFiles(root, group, rootLocale, indexes, ctx, ledger));

  const slugsInFolder = new Set(plan.posts.map((p) => p.slug));
  for (const file of plan.blogIndexes) {
    const index = indexes.get(file.locale);
    if (!index) continue;
    const warnings = indexWarnings.get(file.path) ?? [];
    const outcomes: Outcome[] = [];
    const missing: string[] = [];
    for (const slug of index.entries.keys()) {
      const outcome = ledger.get(slug)?.get(file.locale) ?? [...(ledger.get(slug)?.values() ?? [])][0];
      if (outcome) outcomes.push(outcome);
      else if (!slugsInFolder.has(slug)) missing.push(slug);
    }
    if (missing.length > 0) warnings.push(`${missing.length === 1 ? 'an entry names' : `${missing.length} entries name`} no file: ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}`);
    const detail = index.external > 0 ? `${index.external} external ${index.external === 1 ? 'link' : 'links'} left out (no file to import)` : undefined;
    ctx.report({ path: file.path, outcome: combine(outcomes), detail, warnings: summariseWarnings(warnings) });
  }

  await importEventFiles(plan.eventFiles, rootLocale, abs, ctx);

  for (const card of plan.directoryCards) await importDirectoryCard(abs(card.path), card.path, card.slug, ctx);
}

async function importTagFiles(files: LocalizedPath[], abs: (p: string) => string, ctx: ImportContext) {
  const read: { file: LocalizedPath; tags: ImportedTagLabels[]; warnings: string[] }[] = [];
  for (const file of files) {
    try {
      const { items, warnings } = await readYamlList(abs(file.path));
      const parsed = readTagLabels(items, file.locale);
      read.push({ file, tags: parsed.tags, warnings: [...warnings, ...parsed.warnings] });
    } catch (error) {
      ctx.report(failed(file.path, error));
    }
  }
  if (read.length === 0) return;
  const merged = new Map<string, Record<string, string>>();
  for (const { tags } of read) for (const t of tags) merged.set(t.slug, { ...merged.get(t.slug), ...t.labels });
  try {
    const result = await ctx.sink.importTagLabels([...merged].map(([slug, labels]) => ({ slug, labels })), { dryRun: ctx.dryRun });
    for (const { file, tags, warnings } of read) {
      const outcomes = tags.map((t): Outcome => {
        const r = result[t.slug];
        if (!r) return 'unchanged';
        if (r.created) return 'imported';
        return Object.keys(t.labels).some((l) => r.changedLocales.includes(l)) ? 'updated' : 'unchanged';
      });
      ctx.report({ path: file.path, outcome: combine(outcomes), warnings: summariseWarnings(warnings) });
    }
  } catch (error) {
    for (const { file, warnings } of read) ctx.report(failed(file.path, error, warnings));
  }
}

async function importEventFiles(files: LocalizedPath[], rootLocale: string, abs: (p: string) => string, ctx: ImportContext) {
  const read: EventFile[] = [];
  const readWarnings = new Map<string, string[]>();
  for (const file of files) {
    try {
      const { items, warnings } = await readYamlList(abs(file.path));
      read.push({ path: file.path, locale: file.locale, items });
      readWarnings.set(file.path, warnings);
    } catch (error) {
      ctx.report(failed(file.path, error));
    }
  }
  if (read.length === 0) return;
  const plan = planEvents(read, rootLocale);
  const outcomes = new Map<string, Outcome[]>(read.map((f) => [f.path, []]));
  const errors = new Map<string, string[]>();
  for (const { files: paths, ...event } of plan.events) {
    try {
      const outcome = await ctx.sink.importEvent(event, { dryRun: ctx.dryRun });
      for (const p of paths) outcomes.get(p)?.push(outcome);
    } catch (error) {
      for (const p of paths) errors.set(p, [...(errors.get(p) ?? []), `event "${event.slug}" not written: ${failed(p, error).detail}`]);
    }
  }
  for (const file of read) {
    const warnings = [...(readWarnings.get(file.path) ?? []), ...(plan.warnings.get(file.path) ?? []), ...(errors.get(file.path) ?? [])];
    const list = outcomes.get(file.path) ?? [];
    const n = list.length;
    if (n === 0 && (errors.get(file.path)?.length ?? 0) > 0) {
      ctx.report({ path: file.path, outcome: 'failed', detail: 'no event could be written', warnings: summariseWarnings(warnings) });
      continue;
    }
    ctx.report({ path: file.path, outcome: combine(list), detail: `${n} ${n === 1 ? 'event' : 'events'}`, warnings: summariseWarnings(warnings) });
  }
}
