import 'server-only';
import { revalidatePath, revalidateTag, unstable_cache } from 'next/cache';
import { listPosts } from '@/lib/dal/posts';
import { locales, type Locale } from '@/lib/i18n/routing';

export const POSTS_TAG = 'posts';

/**
 * The listing's data, shared by every visitor for up to a minute and dropped as soon as a post
 * is published or edited on the site (revalidateTag(POSTS_TAG)). Imports from the command line
 * cannot reach this cache and show up when the minute is over.
 */
export const listPostsCached = unstable_cache((viewer: Locale, page: number) => listPosts(viewer, page), ['listPosts'], {
  revalidate: 60,
  tags: [POSTS_TAG],
});

/**
 * Everything a visitor could see a post's change on, dropped at once after it is published,
 * unpublished or edited on the site: the listing pages (through the tag), the post in both
 * languages (each one's switcher and hreflang list the other), home, feeds, sitemap and search.
 * A scheduled version goes live without any write: it appears when these pages next refresh
 * (60 s), within about a minute.
 */
export function revalidatePublishedPost(slug: string) {
  revalidateTag(POSTS_TAG, { expire: 0 });
  for (const locale of locales) {
    revalidatePath(`/${locale}/blog/${slug}`);
    revalidatePath(`/${locale}`);
    revalidatePath(`/feed/${locale}/rss.xml`);
    revalidatePath(`/feed/${locale}/atom.xml`);
  }
  revalidatePath('/sitemap.xml');
  // Every cached search result page: any of them may list this post, or miss it, now. (A route
  // pattern names its route groups: Next tags a cached page with its file's path.)
  revalidatePath('/[locale]/(public)/search-results/[page]/[query]', 'page');
}
