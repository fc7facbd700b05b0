import 'server-only';
import { db } from '@/lib/db';
import type {
  ImportedLocalization,
  ImportedPost,
  ImportedTagLabels,
  ImportSink,
  Outcome,
  PersonRef,
  PostOutcome,
  Renderer,
} from '@/lib/content/import/types';
import {
  readStoredPost,
  writePostContent,
  type PostContentInput,
  type PreparedForWrite,
  type StoredPost,
  type SystemActor,
} from '@/lib/dal/content';
import { lockForImport, lockForWrite, withRetry } from '@/lib/dal/write-lock';
import { importEvent } from '@/lib/dal/events-import';
import { importDirectoryEntry } from '@/lib/dal/directory';

// Imported content reaches a running portal without a restart: post pages, the home page, feeds
// and the sitemap are ISR pages with `revalidate = 60`, and the blog, tag and author listings
// read `searchParams` and so render on every request. Nothing here needs to purge a cache.

/** Which language versions differ from what was last imported, by the hash of their files. */
function decide(post: ImportedPost, state: StoredPost | null) {
  const outcomes: Record<string, Outcome> = {};
  const changed: ImportedLocalization[] = [];
  for (const l of post.localizations) {
    const row = state?.localizations.find((x) => x.locale === l.locale);
    outcomes[l.locale] = !row ? 'imported' : row.importHash === l.importHash ? 'unchanged' : 'updated';
    if (outcomes[l.locale] !== 'unchanged') changed.push(l);
  }
  return { outcomes, changed };
}

function toInput(post: ImportedPost, localizations: ImportedLocalization[]): PostContentInput {
  return {
    slug: post.slug,
    sourceLocale: post.sourceLocale,
    thumbnail: post.thumbnail,
    forceLinkToOtherLanguage: post.forceLinkToOtherLanguage,
    canonicalUrl: post.canonicalUrl,
    publishedAt: post.publishedAt ?? undefined,
    authors: post.authors,
    tags: post.tags.map((t) => (t.labelIfNew ? { slug: t.slug, labelsIfNew: { [t.labelIfNew.locale]: t.labelIfNew.label } } : { slug: t.slug })),
    localizations: localizations.map((l) => ({ ...l, published: true, publishedAt: l.publishedAt ?? undefined })),
  };
}

/**
 * Imports one post in one transaction. Language versions whose file hash matches the last import
 * are not written at all, so a second import of an unchanged folder writes nothing (and does not
 * undo edits made on the site since). Rendering happens before the transaction opens; the hashes
 * are checked again under a lock on the slug, so that two imports running at once write once.
 */
export async function importPost(post: ImportedPost, render: Renderer, options: { dryRun: boolean }, _actor: SystemActor): Promise<PostOutcome> {
  const first = decide(post, await readStoredPost(db, post.slug));
  if (options.dryRun || first.changed.length === 0) return { localizations: first.outcomes, behind: [] };

  const prepared = new Map<string, PreparedForWrite>();
  const prepare = async (l: ImportedLocalization) => {
    if (!prepared.has(l.locale)) prepared.set(l.locale, await render(l, l.locale === post.sourceLocale));
  };
  await Promise.all(first.changed.map(prepare));

  return withRetry(() =>
    db.$transaction(
      async (tx) => {
        await lockForImport(tx, `qiao:post:${post.slug}`);
        const stored = await readStoredPost(tx, post.slug);
        const { outcomes, changed } = decide(post, stored);
        if (changed.length === 0) return { localizations: outcomes, behind: [] };
        for (const l of changed) await prepare(l);
        const written = await writePostContent(tx, toInput(post, changed), prepared, stored);
        if (!stored || !written.revisionCreated) return { localizations: outcomes, behind: [] };
        const behind = [...written.translationRevisions].filter(([, rev]) => rev !== written.revisionId).map(([locale]) => locale);
        return { localizations: outcomes, behind: behind.sort() };
      },
      { maxWait: 15_000, timeout: 60_000 },
    ),
  );
}

export async function findPostForImport(slug: string): Promise<{ sourceLocale: string } | null> {
  return db.post.findUnique({ where: { slug }, select: { sourceLocale: true } });
}

/** `_authors.yml`: display names, guest and organisation flags, bios. */
export async function importAuthorProfiles(authors: PersonRef[], options: { dryRun: boolean }, _actor: SystemActor): Promise<Outcome[]> {
  if (authors.length === 0) return [];
  const rows = await db.author.findMany({
    where: { handle: { in: authors.map((a) => a.handle) } },
    select: { handle: true, displayName: true, isGuest: true, isOrg: true, bio: true },
  });
  const outcomes: Outcome[] = [];
  for (const a of authors) {
    const row = rows.find((r) => r.handle === a.handle);
    const data = { displayName: a.displayName ?? a.handle, isGuest: a.isGuest ?? false, isOrg: a.isOrg ?? false, bio: a.bio ?? null };
    const same = row && row.displayName === data.displayName && row.isGuest === data.isGuest && row.isOrg === data.isOrg && row.bio === data.bio;
    outcomes.push(!row ? 'imported' : same ? 'unchanged' : 'updated');
    if (options.dryRun || same) continue;
    await db.author.upsert({ where: { handle: a.handle }, create: { handle: a.handle, ...data }, update: data, select: { id: true } });
  }
  return outcomes;
}

function labelsOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** `_tags.yml` labels, merged into a tag's labels in other languages. */
export async function importTagLabels(tags: ImportedTagLabels[], options: { dryRun: boolean }, _actor: SystemActor) {
  const rows = await db.tag.findMany({ where: { slug: { in: tags.map((t) => t.slug) } }, select: { slug: true, labels: true } });
  const result: Record<string, { created: boolean; changedLocales: string[] }> = {};
  for (const t of tags) {
    const row = rows.find((r) => r.slug === t.slug);
    const current = labelsOf(row?.labels);
    const changedLocales = Object.keys(t.labels).filter((l) => current[l] !== t.labels[l]);
    result[t.slug] = { created: !row, changedLocales };
    if (options.dryRun || (row && changedLocales.length === 0)) continue;
    await withRetry(() =>
      db.$transaction(async (tx) => {
        await lockForWrite(tx, `qiao:tag:${t.slug}`);
        const fresh = await tx.tag.findUnique({ where: { slug: t.slug }, select: { labels: true } });
        const labels = { ...labelsOf(fresh?.labels), ...t.labels };
        await tx.tag.upsert({ where: { slug: t.slug }, create: { slug: t.slug, labels }, update: { labels }, select: { id: true } });
      }),
    );
  }
  return result;
}

/** The database as the importer's destination. */
export function createImportSink(actor: SystemActor): ImportSink {
  return {
    findPost: findPostForImport,
    importPost: (post, render, options) => importPost(post, render, options, actor),
    importAuthors: (authors, options) => importAuthorProfiles(authors, options, actor),
    importTagLabels: (tags, options) => importTagLabels(tags, options, actor),
    importEvent: (event, options) => importEvent(event, options, actor),
    importDirectoryEntry: (entry, options) => importDirectoryEntry(entry, options, actor),
  };
}
