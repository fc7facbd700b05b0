// Posts for the admin publishing tests, written the way an import writes them. Every slug starts
// with this run's prefix, so the tests can filter the admin list down to their own posts and
// remove them afterwards: other files assert which post is the newest on the site.
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { upsertPostContent, type PostContentInput } from '@/lib/dal/content';

export const RUN = `pa${randomUUID().slice(0, 6)}`;
let counter = 0;
export const slugFor = (label: string) => `${RUN}-${label}-${(counter += 1)}`;

const system = { kind: 'system', reason: 'seed' } as const;

type Version = { title: string; body: string; published?: boolean };

/** A post with an English original and, optionally, a Chinese translation. */
export async function makePost(label: string, { en, zh, tag, publishedAt = new Date('2026-01-15T00:00:00Z') }: { en: Version; zh?: Version; tag?: string; publishedAt?: Date | null }) {
  const slug = slugFor(label);
  const localizations: PostContentInput['localizations'] = [
    { locale: 'en', title: en.title, body: en.body, published: en.published ?? true },
    ...(zh ? [{ locale: 'zh', title: zh.title, body: zh.body, published: zh.published ?? true, translators: [{ handle: `${RUN}-translator`, displayName: 'Translator' }] }] : []),
  ];
  const { id } = await upsertPostContent(
    { slug, sourceLocale: 'en', publishedAt, authors: [{ handle: `${RUN}-author`, displayName: 'Author' }], tags: tag ? [{ slug: tag }] : [], localizations },
    system,
  );
  return { id, slug };
}

export async function versionOf(postId: string, locale: string) {
  return db.postLocalization.findUniqueOrThrow({ where: { postId_locale: { postId, locale } }, select: { id: true, version: true, status: true, publishedAt: true } });
}

export async function removeRunPosts() {
  await db.post.deleteMany({ where: { slug: { startsWith: `${RUN}-` } } });
}
