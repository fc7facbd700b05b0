import 'server-only';
import { unstable_cache } from 'next/cache';
import { listPosts } from '@/lib/dal/posts';
import type { Locale } from '@/lib/i18n/routing';

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
