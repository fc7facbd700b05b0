import { parse as parseYaml } from 'yaml';
import { normalizeLocale, slugify } from './names';
import { ImportFileError, readSourceFile } from './read-source';
import { authorEntrySchema, blogIndexEntrySchema, describeIssue, tagEntrySchema, type BlogIndexEntry } from './schemas';
import type { ImportedTagLabels, PersonRef } from './types';

/** A YAML file holding a list (`_blog.yml`, `_events.yml`, `_tags.yml`, `_authors.yml`). */
export async function readYamlList(file: string): Promise<{ items: unknown[]; warnings: string[] }> {
  const { text, warnings } = await readSourceFile(file);
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    throw new ImportFileError(`bad YAML: ${(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)).replace(/:\s*$/, '')}`);
  }
  if (data === null || data === undefined) return { items: [], warnings };
  if (!Array.isArray(data)) throw new ImportFileError('expected a list of entries');
  return { items: data, warnings };
}

function entryProblem(index: number, reason: string) {
  return `entry ${index + 1} skipped: ${reason}`;
}

/** Warnings about many entries are summarised so that the report stays one line per file. */
export function summariseWarnings(warnings: string[], limit = 3): string[] {
  if (warnings.length <= limit) return warnings;
  return [...warnings.slice(0, limit), `and ${warnings.length - limit} more`];
}

export type BlogIndex = { entries: Map<string, BlogIndexEntry>; external: number; warnings: string[] };

/** `_blog.yml`: entries by the slug they name (`local`); `external` entries link elsewhere. */
export function readBlogIndex(items: unknown[]): BlogIndex {
  const entries = new Map<string, BlogIndexEntry>();
  const warnings: string[] = [];
  let external = 0;
  items.forEach((item, i) => {
    const parsed = blogIndexEntrySchema.safeParse(item);
    if (!parsed.success) return warnings.push(entryProblem(i, describeIssue(parsed.error)));
    const entry = parsed.data;
    if (!entry.local) {
      if (entry.external) external += 1;
      else warnings.push(entryProblem(i, 'neither "local" nor "external"'));
      return;
    }
    if (entries.has(entry.local)) return warnings.push(`"${entry.local}" is listed twice; the first entry is used`);
    entries.set(entry.local, entry);
  });
  return { entries, external, warnings };
}

/** `_tags.yml` in a language folder labels tags in that language; `{slug, en, zh}` names them all. */
export function readTagLabels(items: unknown[], locale: string): { tags: ImportedTagLabels[]; warnings: string[] } {
  const tags: ImportedTagLabels[] = [];
  const warnings: string[] = [];
  items.forEach((item, i) => {
    const parsed = tagEntrySchema.safeParse(item);
    if (!parsed.success) return warnings.push(entryProblem(i, describeIssue(parsed.error)));
    const entry = parsed.data;
    if ('value' in entry) {
      const slug = slugify(entry.value);
      if (!slug) return warnings.push(entryProblem(i, `"${entry.value}" is not a usable tag`));
      tags.push({ slug, labels: { [locale]: entry.label ?? entry.value } });
      return;
    }
    const labels: Record<string, string> = {};
    for (const [key, value] of Object.entries(entry)) {
      const lang = key === 'slug' ? null : normalizeLocale(key);
      if (lang && value) labels[lang] = value;
    }
    tags.push({ slug: slugify(entry.slug) || entry.slug, labels });
  });
  return { tags, warnings };
}

/** `_authors.yml`: display names and bios for the handles posts credit. */
export function readAuthorProfiles(items: unknown[]): { authors: PersonRef[]; warnings: string[] } {
  const authors: PersonRef[] = [];
  const warnings: string[] = [];
  items.forEach((item, i) => {
    const parsed = authorEntrySchema.safeParse(item);
    if (!parsed.success) return warnings.push(entryProblem(i, describeIssue(parsed.error)));
    const a = parsed.data;
    authors.push({
      handle: a.handle,
      displayName: a.name ?? a.handle,
      isGuest: a.guest ?? false,
      isOrg: a.org ?? false,
      bio: a.bio_en ?? a.bio ?? a.bio_zh ?? null,
    });
  });
  return { authors, warnings };
}
