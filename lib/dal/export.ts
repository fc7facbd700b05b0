import 'server-only';
import { db } from '@/lib/db';
import type { ExportEvent, ExportPost, ExportSource, ExportTag } from '@/lib/content/export/types';
import type { SystemActor } from '@/lib/dal/content';
import { listDirectoryEntriesForExport } from '@/lib/dal/directory';

const PAGE = 100;

const person = { handle: true, isGuest: true } as const;

/**
 * Published posts, a page at a time in slug order: the export writes each page's files before
 * the next is read. A post is exported when it is public (dated, original published); its
 * translations when they are published.
 */
export async function* exportPosts(_actor: SystemActor): AsyncGenerator<ExportPost> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.post.findMany({
      where: { publishedAt: { not: null }, ...(cursor ? { slug: { gt: cursor } } : {}) },
      orderBy: { slug: 'asc' },
      take: PAGE,
      select: {
        slug: true,
        sourceLocale: true,
        thumbnail: true,
        forceLinkToOtherLanguage: true,
        canonicalUrl: true,
        publishedAt: true,
        authors: { orderBy: { position: 'asc' }, select: { proofreader: true, organization: true, author: { select: person } } },
        tags: { orderBy: { tag: { slug: 'asc' } }, select: { tag: { select: { slug: true } } } },
        localizations: {
          where: { status: 'PUBLISHED' },
          orderBy: { locale: 'asc' },
          select: {
            locale: true,
            title: true,
            summary: true,
            body: true,
            publishedAt: true,
            credits: { orderBy: { position: 'asc' }, select: { role: true, author: { select: person } } },
          },
        },
      },
    });
    for (const row of rows) {
      const source = row.localizations.find((l) => l.locale === row.sourceLocale);
      if (!source || !row.publishedAt) continue;
      yield {
        slug: row.slug,
        sourceLocale: row.sourceLocale,
        thumbnail: row.thumbnail,
        forceLinkToOtherLanguage: row.forceLinkToOtherLanguage,
        canonicalUrl: row.canonicalUrl,
        publishedAt: row.publishedAt,
        authors: row.authors.map((a) => ({ ...a.author, proofreader: a.proofreader, organization: a.organization })),
        tags: row.tags.map((t) => t.tag.slug),
        localizations: [source, ...row.localizations.filter((l) => l !== source)].map((l) => ({
          locale: l.locale,
          title: l.title,
          summary: l.summary,
          body: l.body,
          publishedAt: l.publishedAt,
          translators: l.credits.filter((c) => c.role === 'TRANSLATOR').map((c) => c.author),
          proofreaders: l.credits.filter((c) => c.role === 'PROOFREADER').map((c) => c.author),
        })),
      };
    }
    if (rows.length < PAGE) return;
    cursor = rows.at(-1)!.slug;
  }
}

/** Published events; drafts and cancelled events are the site's own business. */
export async function exportEvents(_actor: SystemActor): Promise<ExportEvent[]> {
  return db.event.findMany({
    where: { status: 'PUBLISHED' },
    orderBy: [{ startsAt: 'desc' }, { slug: 'asc' }],
    select: {
      slug: true,
      type: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      registrationUrl: true,
      localizations: { orderBy: { locale: 'asc' }, select: { locale: true, title: true, description: true } },
    },
  });
}

export async function exportTags(_actor: SystemActor): Promise<ExportTag[]> {
  const rows = await db.tag.findMany({ orderBy: { slug: 'asc' }, select: { slug: true, labels: true } });
  return rows.map((r) => ({
    slug: r.slug,
    labels:
      r.labels && typeof r.labels === 'object' && !Array.isArray(r.labels)
        ? Object.fromEntries(Object.entries(r.labels).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''))
        : {},
  }));
}

export function createExportSource(actor: SystemActor): ExportSource {
  return {
    posts: () => exportPosts(actor),
    events: () => exportEvents(actor),
    tags: () => exportTags(actor),
    authors: (handles) =>
      db.author.findMany({
        where: { handle: { in: handles } },
        orderBy: { handle: 'asc' },
        select: { handle: true, displayName: true, isGuest: true, isOrg: true, bio: true },
      }),
    directory: () => listDirectoryEntriesForExport(actor),
  };
}
