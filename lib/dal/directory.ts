import 'server-only';
import { db } from '@/lib/db';
import { markdown } from '@/lib/markdown/shared-pool';
import type { ImportedDirectoryEntry, Outcome } from '@/lib/content/import/types';
import type { SystemActor } from '@/lib/dal/content';
import { lockForWrite, withRetry } from '@/lib/dal/write-lock';

/** Creates or updates a channel-directory entry from a card; its place and visibility stay. */
export async function importDirectoryEntry(entry: ImportedDirectoryEntry, options: { dryRun: boolean }, _actor: SystemActor): Promise<Outcome> {
  const before = await db.directoryEntry.findUnique({ where: { slug: entry.slug }, select: { importHash: true } });
  if (before?.importHash === entry.importHash) return 'unchanged';
  if (options.dryRun) return before ? 'updated' : 'imported';

  const { html } = await markdown().run('render', entry.body);
  const data = { name: entry.name, url: entry.url, info: entry.info, tags: entry.tags, body: entry.body, html, importHash: entry.importHash };
  return withRetry(() =>
    db.$transaction(async (tx) => {
      await lockForWrite(tx, `qiao:directory:${entry.slug}`);
      const row = await tx.directoryEntry.findUnique({ where: { slug: entry.slug }, select: { id: true, importHash: true } });
      if (row?.importHash === entry.importHash) return 'unchanged';
      if (row) await tx.directoryEntry.update({ where: { id: row.id }, data });
      else await tx.directoryEntry.create({ data: { slug: entry.slug, ...data } });
      return row ? 'updated' : 'imported';
    }),
  );
}

export type DirectoryCardDto = { slug: string; name: string; url: string; info: string; tags: string[]; body: string };

/** Every entry, in the directory's order, for the export. */
export async function listDirectoryEntriesForExport(_actor: SystemActor): Promise<DirectoryCardDto[]> {
  return db.directoryEntry.findMany({
    orderBy: [{ position: 'asc' }, { slug: 'asc' }],
    select: { slug: true, name: true, url: true, info: true, tags: true, body: true },
  });
}

export type DirectoryEntryDto = { slug: string; name: string; url: string; info: string; tags: string[]; html: string };

// Case and width folded, so "hub" finds "Hub" and "ＡＩ" finds "AI"; Chinese has no case and is
// matched as it is written.
const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase();

function matches(entry: Pick<DirectoryEntryDto, 'name' | 'info' | 'tags'>, query: string): boolean {
  return [entry.name, entry.info, ...entry.tags].some((field) => fold(field).includes(query));
}

/**
 * Visible entries for the public directory, optionally only those carrying `tag` and those whose
 * name, info or tags contain `q`, and every tag in use. The directory is a few hundred entries
 * at most, so it is filtered here rather than with a pattern index.
 */
export async function listPublicDirectory(tag?: string, q?: string): Promise<{ entries: DirectoryEntryDto[]; tags: string[] }> {
  const rows = await db.directoryEntry.findMany({
    where: { hidden: false },
    orderBy: [{ position: 'asc' }, { slug: 'asc' }],
    select: { slug: true, name: true, url: true, info: true, tags: true, html: true },
  });
  const tags = [...new Set(rows.flatMap((r) => r.tags))].sort((a, b) => a.localeCompare(b));
  const query = q ? fold(q.trim()) : '';
  const entries = rows.filter((r) => (!tag || r.tags.includes(tag)) && (!query || matches(r, query)));
  return { entries, tags };
}
