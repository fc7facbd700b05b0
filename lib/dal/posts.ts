import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db';
import type { Locale } from '@/lib/i18n/routing';
import { isLocale, locales } from '@/lib/i18n/routing';
import type { Prisma } from '@/lib/generated/prisma/client';
import { tagLabel } from '@/lib/content/tags';
import { liveLocalization, livePost } from '@/lib/dal/post-visibility';

export const PAGE_SIZE = 12;

export type AuthorDto = { handle: string; displayName: string; avatarUrl: string | null; isGuest: boolean; isOrg: boolean };
export type TagDto = { slug: string; label: string };

export type PostCard = {
  slug: string;
  locale: Locale;
  title: string;
  summary: string | null;
  publishedAt: string;
  thumbnail: string | null;
  readingMinutes: number;
  locales: Locale[];
  authors: AuthorDto[];
  tags: TagDto[];
};

export type Page<T> = { items: T[]; total: number; page: number; pages: number };

const authorSelect = {
  handle: true,
  displayName: true,
  avatarUrl: true,
  isGuest: true,
  isOrg: true,
} satisfies Prisma.AuthorSelect;

function cardSelect(now: Date) {
  return {
    slug: true,
    thumbnail: true,
    publishedAt: true,
    sourceLocale: true,
    localizations: {
      where: liveLocalization(now),
      orderBy: { locale: 'asc' },
      select: { locale: true, title: true, summary: true, readingMinutes: true },
    },
    authors: { orderBy: { position: 'asc' }, select: { author: { select: authorSelect } } },
    tags: { select: { tag: { select: { slug: true, labels: true } } } },
  } satisfies Prisma.PostSelect;
}

type CardRow = Prisma.PostGetPayload<{ select: ReturnType<typeof cardSelect> }>;

function toCard(row: CardRow, viewer: Locale): PostCard {
  // Show the viewer's language when it exists, else the original, else whatever is published.
  const shown =
    row.localizations.find((l) => l.locale === viewer) ??
    row.localizations.find((l) => l.locale === row.sourceLocale) ??
    row.localizations[0]!;
  return {
    slug: row.slug,
    locale: isLocale(shown.locale) ? shown.locale : viewer,
    title: shown.title,
    summary: shown.summary,
    publishedAt: row.publishedAt!.toISOString(),
    thumbnail: row.thumbnail,
    readingMinutes: shown.readingMinutes,
    locales: locales.filter((l) => row.localizations.some((x) => x.locale === l)),
    authors: row.authors.map((a) => a.author),
    tags: row.tags.map(({ tag }) => ({ slug: tag.slug, label: tagLabel(tag.labels, tag.slug, viewer) })).sort((a, b) => a.label.localeCompare(b.label)),
  };
}

/** Parses a `?page=` value; anything that is not a positive integer is `null` (a 404). */
export function parsePage(raw: string | string[] | undefined): number | null {
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,5}$/.test(raw)) return null;
  return Number(raw);
}

/** One page of public posts matching `where` (on top of livePost, with one `now` for both). */
async function pageOf(where: Prisma.PostWhereInput, page: number, viewer: Locale): Promise<Page<PostCard>> {
  const now = new Date();
  const filter = { ...livePost(now), ...where };
  const [total, rows] = await Promise.all([
    db.post.count({ where: filter }),
    db.post.findMany({
      where: filter,
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: cardSelect(now),
    }),
  ]);
  // Prisma reads the language versions in a second query: a post unpublished in between has none left.
  const items = rows.filter((r) => r.localizations.length > 0).map((r) => toCard(r, viewer));
  return { items, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export function listPosts(viewer: Locale, page: number) {
  return pageOf({}, page, viewer);
}

export async function listPostsByTag(viewer: Locale, tagSlug: string, page: number) {
  const tag = await db.tag.findUnique({ where: { slug: tagSlug }, select: { slug: true, labels: true } });
  if (!tag) return null;
  const posts = await pageOf({ tags: { some: { tag: { slug: tagSlug } } } }, page, viewer);
  return { tag: { slug: tag.slug, label: tagLabel(tag.labels, tag.slug, viewer) }, posts };
}

export type AuthorProfile = AuthorDto & { bio: string | null };

export async function listPostsByAuthor(viewer: Locale, handle: string, page: number) {
  const author = await db.author.findUnique({ where: { handle }, select: { ...authorSelect, bio: true, id: true } });
  if (!author) return null;
  const [posts, translated] = await Promise.all([
    pageOf({ authors: { some: { authorId: author.id } } }, page, viewer),
    db.postLocalization.findMany({
      where: { ...liveLocalization(), credits: { some: { authorId: author.id } } },
      orderBy: { publishedAt: 'desc' },
      take: 50,
      select: { locale: true, title: true, publishedAt: true, post: { select: { slug: true } } },
    }),
  ]);
  const { id: _id, ...profile } = author;
  return {
    author: profile satisfies AuthorProfile,
    posts,
    translations: translated.map((t) => ({
      slug: t.post.slug,
      locale: t.locale as Locale,
      title: t.title,
      publishedAt: t.publishedAt?.toISOString() ?? null,
    })),
  };
}

export type TocEntry = { depth: number; id: string; text: string };

export type PostView = {
  slug: string;
  locale: Locale;
  sourceLocale: Locale;
  title: string;
  summary: string | null;
  html: string;
  toc: TocEntry[];
  readingMinutes: number;
  publishedAt: string;
  updatedAt: string;
  thumbnail: string | null;
  canonicalUrl: string | null;
  forceLinkToOtherLanguage: boolean;
  isTranslation: boolean;
  isBehindSource: boolean;
  authors: (AuthorDto & { proofreader: boolean })[];
  translators: AuthorDto[];
  proofreaders: AuthorDto[];
  tags: TagDto[];
  alternates: { locale: Locale; title: string }[];
};

export type PostLookup = { kind: 'found'; post: PostView } | { kind: 'untranslated'; title: string; locale: Locale } | { kind: 'missing' };

/**
 * A published post in one language. When the post exists but not in that language, says so,
 * so that the page can send the reader to a version they can read.
 */
export const getPublishedPost = cache(async (slug: string, locale: Locale): Promise<PostLookup> => {
  const post = await db.post.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      sourceLocale: true,
      thumbnail: true,
      canonicalUrl: true,
      forceLinkToOtherLanguage: true,
      publishedAt: true,
      // Also the language switcher's and hreflang's alternates: a scheduled or unpublished
      // version is offered nowhere.
      localizations: {
        where: liveLocalization(),
        orderBy: { locale: 'asc' },
        select: { locale: true, title: true },
      },
      authors: { orderBy: { position: 'asc' }, select: { proofreader: true, author: { select: authorSelect } } },
      tags: { select: { tag: { select: { slug: true, labels: true } } } },
      revisions: { orderBy: { createdAt: 'desc' }, take: 1, select: { id: true } },
    },
  });
  if (!post || post.localizations.length === 0) return { kind: 'missing' };
  if (!post.localizations.some((l) => l.locale === locale)) {
    const original = post.localizations.find((l) => l.locale === post.sourceLocale) ?? post.localizations[0]!;
    return { kind: 'untranslated', title: original.title, locale: original.locale as Locale };
  }
  const loc = await db.postLocalization.findUnique({
    where: { postId_locale: { postId: post.id, locale } },
    select: {
      title: true,
      summary: true,
      html: true,
      toc: true,
      readingMinutes: true,
      publishedAt: true,
      updatedAt: true,
      sourceRevisionId: true,
      credits: { orderBy: { position: 'asc' }, select: { role: true, author: { select: authorSelect } } },
    },
  });
  if (!loc) return { kind: 'missing' };
  const isTranslation = locale !== post.sourceLocale;
  const latestRevision = post.revisions[0];
  return {
    kind: 'found',
    post: {
      slug: post.slug,
      locale,
      sourceLocale: post.sourceLocale as Locale,
      title: loc.title,
      summary: loc.summary,
      html: loc.html,
      toc: loc.toc as TocEntry[],
      readingMinutes: loc.readingMinutes,
      publishedAt: (loc.publishedAt ?? post.publishedAt ?? loc.updatedAt).toISOString(),
      updatedAt: loc.updatedAt.toISOString(),
      thumbnail: post.thumbnail,
      canonicalUrl: post.canonicalUrl,
      forceLinkToOtherLanguage: post.forceLinkToOtherLanguage,
      isTranslation,
      isBehindSource: isTranslation && latestRevision !== undefined && loc.sourceRevisionId !== latestRevision.id,
      authors: post.authors.map((a) => ({ ...a.author, proofreader: a.proofreader })),
      translators: loc.credits.filter((c) => c.role === 'TRANSLATOR').map((c) => c.author),
      proofreaders: loc.credits.filter((c) => c.role === 'PROOFREADER').map((c) => c.author),
      tags: post.tags.map(({ tag }) => ({ slug: tag.slug, label: tagLabel(tag.labels, tag.slug, locale) })),
      alternates: post.localizations
        .filter((l) => isLocale(l.locale) && l.locale !== locale)
        .map((l) => ({ locale: l.locale as Locale, title: l.title })),
    },
  };
});
