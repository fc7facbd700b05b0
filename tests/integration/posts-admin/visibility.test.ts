import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/dal/session', async (importOriginal) => (await import('../translation/support')).mockedSession(await importOriginal()));

import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/dal/session';
import { getPublishedPost, listPosts, listPostsByAuthor, listPostsByTag } from '@/lib/dal/posts';
import { searchPosts } from '@/lib/dal/search';
import { listFeedEntries, listSitemapPosts, listTagSlugs } from '@/lib/dal/feeds';
import { listWaitingPosts } from '@/lib/dal/translation-queue';
import { DraftError } from '@/lib/dal/translation-drafts';
import { claimPost } from '@/lib/dal/translation-claims';
import { scheduleLocalization } from '@/lib/dal/post-publishing';
import { as, createUser } from '../translation/support';
import { makePost, removeRunPosts, RUN, versionOf } from './support';

let admin: CurrentUser;
let volunteer: CurrentUser;
const HOUR = 3_600_000;
const word = `${RUN}quokka`;
const tag = `${RUN}-scheduled`;

beforeAll(async () => {
  [admin, volunteer] = await Promise.all([createUser('ADMIN', 'Posts Admin'), createUser('VOLUNTEER', 'Posts Volunteer')]);
});
afterAll(removeRunPosts);

/** Everything a visitor could reach the post through, in one language. */
async function seenBy(slug: string, locale: 'en' | 'zh') {
  const [page, byTag, byAuthor, search, feed, sitemap, tags] = await Promise.all([
    getPublishedPost(slug, locale),
    listPostsByTag(locale, tag, 1),
    listPostsByAuthor(locale, `${RUN}-author`, 1),
    searchPosts(word, 1),
    listFeedEntries(locale),
    listSitemapPosts(),
    listTagSlugs(),
  ]);
  return {
    page: page.kind,
    tagListing: byTag?.posts.items.some((p) => p.slug === slug) ?? false,
    authorListing: byAuthor?.posts.items.some((p) => p.slug === slug) ?? false,
    search: search.items.some((h) => h.slug === slug && h.locale === locale),
    feed: feed.some((e) => e.slug === slug),
    sitemap: sitemap.find((p) => p.slug === slug)?.locales.map((l) => l.locale) ?? [],
    tagInSitemap: tags.includes(tag),
  };
}

describe('a scheduled post', () => {
  it('is nowhere on the public site until its time, and everywhere after it', async () => {
    const post = await makePost('later', { en: { title: 'Coming soon', body: `A ${word} announcement.`, published: false }, tag, publishedAt: null });
    const totalBefore = (await listPosts('en', 1)).total;
    const en = await versionOf(post.id, 'en');
    const at = new Date(Date.now() + 2 * HOUR);
    await as(admin, () => scheduleLocalization(en.id, en.version, at, 'Asia/Shanghai'));

    expect(await versionOf(post.id, 'en')).toMatchObject({ status: 'PUBLISHED', publishedAt: at });
    expect(await seenBy(post.slug, 'en')).toEqual({ page: 'missing', tagListing: false, authorListing: false, search: false, feed: false, sitemap: [], tagInSitemap: false });
    expect((await listPosts('en', 1)).total).toBe(totalBefore);
    // The first publication dates the post: it will lead the listing when it goes live.
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id }, select: { publishedAt: true } })).publishedAt).toEqual(at);

    // Its time comes: set in the database rather than waited for.
    const past = new Date(Date.now() - 1000);
    await db.postLocalization.update({ where: { id: en.id }, data: { publishedAt: past } });
    await db.post.update({ where: { id: post.id }, data: { publishedAt: past } });
    expect(await seenBy(post.slug, 'en')).toEqual({ page: 'found', tagListing: true, authorListing: true, search: true, feed: true, sitemap: ['en'], tagInSitemap: true });
    expect((await listPosts('en', 1)).total).toBe(totalBefore + 1);
  });

  it('in one language leaves the other alone, and the language switcher does not offer it yet', async () => {
    const post = await makePost('zh-later', { en: { title: 'Out now', body: `The ${word} original.` }, zh: { title: '即将发布', body: `${word} 译文。`, published: false }, tag });
    const zh = await versionOf(post.id, 'zh');
    await as(admin, () => scheduleLocalization(zh.id, zh.version, new Date(Date.now() + HOUR), 'UTC'));

    const en = await getPublishedPost(post.slug, 'en');
    expect(en.kind === 'found' && en.post.alternates).toEqual([]);
    expect(await getPublishedPost(post.slug, 'zh')).toMatchObject({ kind: 'untranslated', locale: 'en' });
    const seen = await seenBy(post.slug, 'zh');
    expect(seen).toMatchObject({ page: 'untranslated', search: false, feed: false, sitemap: ['en'] });
    // The listing shows the post in the language that is public.
    const card = (await listPostsByTag('zh', tag, 1))?.posts.items.find((p) => p.slug === post.slug);
    expect(card).toMatchObject({ locale: 'en', locales: ['en'], title: 'Out now' });

    await db.postLocalization.update({ where: { id: zh.id }, data: { publishedAt: new Date(Date.now() - 1000) } });
    const after = await getPublishedPost(post.slug, 'en');
    expect(after.kind === 'found' && after.post.alternates).toEqual([{ locale: 'zh', title: '即将发布' }]);
    expect(await seenBy(post.slug, 'zh')).toMatchObject({ page: 'found', search: true, feed: true, sitemap: ['en', 'zh'] });
  });

  it('is not offered to translators, nor can it be claimed, before it is public', async () => {
    const post = await makePost('claim-later', { en: { title: 'Not yet', body: 'Hidden text.', published: false } });
    const en = await versionOf(post.id, 'en');
    await as(admin, () => scheduleLocalization(en.id, en.version, new Date(Date.now() + HOUR), 'UTC'));
    const waiting = await as(volunteer, () => listWaitingPosts('zh', 1));
    expect(waiting.items.some((p) => p.slug === post.slug)).toBe(false);
    await expect(as(volunteer, () => claimPost(post.id, 'zh'))).rejects.toEqual(new DraftError('notFound'));
    expect(await db.translationDraft.count({ where: { postId: post.id } })).toBe(0);
  });
});
