import 'server-only';
import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { prepareLocalization, sourceBlockHashes, type PreparedLocalization } from '@/lib/content/prepare';
import { lockForWrite } from '@/lib/dal/write-lock';

// Other writers (events, translations) take these from here.
export { lockForWrite, withRetry } from '@/lib/dal/write-lock';

export type AuthorRef = { handle: string; displayName?: string; isGuest?: boolean; isOrg?: boolean; bio?: string | null };

export type PostContentInput = {
  slug: string;
  sourceLocale: string;
  thumbnail?: string | null;
  forceLinkToOtherLanguage?: boolean;
  canonicalUrl?: string | null;
  /** `undefined` keeps an existing post's date (a new one is dated now); `null` clears it. */
  publishedAt?: Date | null;
  authors: (AuthorRef & { proofreader?: boolean; organization?: string | null })[];
  /** `labels` replace a tag's labels; `labelsIfNew` only name a tag created here. */
  tags: { slug: string; labels?: Record<string, string>; labelsIfNew?: Record<string, string> }[];
  localizations: {
    locale: string;
    title: string;
    summary?: string | null;
    body: string;
    published: boolean;
    publishedAt?: Date | null;
    translators?: AuthorRef[];
    proofreaders?: AuthorRef[];
    /** Set by the importer: the hash of the file this version was written from. */
    importHash?: string | null;
  }[];
};

/** Trusted callers only: the seed and the command-line importer, which run as the operator. */
export type SystemActor = { kind: 'system'; reason: 'seed' | 'import' };

/** What is rendered once per language version before it is written (lib/content/prepare). */
export type PreparedForWrite = PreparedLocalization & { blockHashes?: string[] };

type Tx = Prisma.TransactionClient;
type Client = Tx | typeof db;

/** A post as the writer needs to see it: bodies by digest, so that large texts stay in the database. */
export type StoredPost = {
  id: string;
  sourceLocale: string;
  revisionId: string | null;
  revisionMd5: string | null;
  localizations: { id: string; locale: string; bodyMd5: string; sourceRevisionId: string | null; publishedAt: number | null; importHash: string | null }[];
};

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/** One round trip: the post, its newest source revision, and its language versions. */
export async function readStoredPost(client: Client, slug: string): Promise<StoredPost | null> {
  const rows = await client.$queryRaw<(Omit<StoredPost, 'localizations'> & { localizations: unknown })[]>`
    SELECT p.id, p."sourceLocale", r.id AS "revisionId", r.md5 AS "revisionMd5",
           COALESCE(json_agg(json_build_object(
             'id', l.id, 'locale', l.locale, 'bodyMd5', md5(l.body), 'sourceRevisionId', l."sourceRevisionId",
             'publishedAt', floor(extract(epoch FROM l."publishedAt") * 1000), 'importHash', l."importHash"
           )) FILTER (WHERE l.id IS NOT NULL), '[]'::json) AS localizations
    FROM "Post" p
    LEFT JOIN LATERAL (
      SELECT id, md5(body) AS md5 FROM "SourceRevision" WHERE "postId" = p.id ORDER BY "createdAt" DESC LIMIT 1
    ) r ON true
    LEFT JOIN "PostLocalization" l ON l."postId" = p.id
    WHERE p.slug = ${slug}
    GROUP BY p.id, r.id, r.md5`;
  const row = rows[0];
  if (!row) return null;
  const localizations = typeof row.localizations === 'string' ? JSON.parse(row.localizations) : row.localizations;
  return { ...row, localizations: localizations as StoredPost['localizations'] };
}

function definedFields<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Finds or creates every author named, in one or two round trips whatever their number.
 * Creating with `skipDuplicates` (ON CONFLICT DO NOTHING) lets two imports that credit the same
 * new person run at once; only authors whose given fields differ are updated.
 */
export async function ensureAuthors(tx: Tx, refs: AuthorRef[]): Promise<Map<string, string>> {
  const wanted = new Map<string, AuthorRef>();
  for (const ref of refs) wanted.set(ref.handle, { ...wanted.get(ref.handle), ...definedFields(ref) } as AuthorRef);
  if (wanted.size === 0) return new Map();
  const handles = [...wanted.keys()];
  const select = { id: true, handle: true, displayName: true, isGuest: true, isOrg: true, bio: true } as const;
  const rows = await tx.author.findMany({ where: { handle: { in: handles } }, select });
  const ids = new Map(rows.map((r) => [r.handle, r.id]));
  const missing = handles.filter((h) => !ids.has(h));
  if (missing.length > 0) {
    const created = await tx.author.createManyAndReturn({
      data: missing.map((handle) => {
        const ref = wanted.get(handle)!;
        return { handle, displayName: ref.displayName ?? handle, isGuest: ref.isGuest ?? false, isOrg: ref.isOrg ?? false, bio: ref.bio ?? null };
      }),
      skipDuplicates: true,
      select: { id: true, handle: true },
    });
    for (const r of created) ids.set(r.handle, r.id);
    // Created meanwhile by a concurrent import: skipped above, read now.
    const raced = missing.filter((h) => !ids.has(h));
    if (raced.length > 0) for (const r of await tx.author.findMany({ where: { handle: { in: raced } }, select })) ids.set(r.handle, r.id);
  }
  for (const row of rows) {
    const ref = wanted.get(row.handle)!;
    const changes = {
      ...(ref.displayName && ref.displayName !== row.displayName ? { displayName: ref.displayName } : {}),
      ...(ref.isGuest !== undefined && ref.isGuest !== row.isGuest ? { isGuest: ref.isGuest } : {}),
      ...(ref.isOrg !== undefined && ref.isOrg !== row.isOrg ? { isOrg: ref.isOrg } : {}),
      ...(ref.bio !== undefined && ref.bio !== row.bio ? { bio: ref.bio } : {}),
    };
    if (Object.keys(changes).length > 0) await tx.author.update({ where: { id: row.id }, data: changes });
  }
  return ids;
}

async function ensureTags(tx: Tx, tags: PostContentInput['tags']): Promise<string[]> {
  if (tags.length === 0) return [];
  const slugs = [...new Set(tags.map((t) => t.slug))];
  const ids = new Map((await tx.tag.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })).map((r) => [r.slug, r.id]));
  const missing = slugs.filter((s) => !ids.has(s));
  if (missing.length > 0) {
    const data = missing.map((slug) => {
      const t = tags.find((x) => x.slug === slug)!;
      return { slug, labels: t.labels ?? t.labelsIfNew ?? {} };
    });
    for (const r of await tx.tag.createManyAndReturn({ data, skipDuplicates: true, select: { id: true, slug: true } })) ids.set(r.slug, r.id);
    const raced = missing.filter((s) => !ids.has(s));
    if (raced.length > 0) for (const r of await tx.tag.findMany({ where: { slug: { in: raced } }, select: { id: true, slug: true } })) ids.set(r.slug, r.id);
  }
  for (const t of tags) if (t.labels && !missing.includes(t.slug)) await tx.tag.update({ where: { slug: t.slug }, data: { labels: t.labels } });
  return slugs.map((s) => ids.get(s)!);
}

export type WrittenPost = {
  id: string;
  revisionId: string | null;
  revisionCreated: boolean;
  /** Every translation's source revision after the write, written here or not. */
  translationRevisions: Map<string, string | null>;
};

/**
 * Writes a post inside a transaction the caller opened, from `stored` (its state read in that
 * transaction, or null when new). Every language version given is written from its prepared
 * (rendered) form; the post's own fields, authors and tags when the original is among them or
 * the post is new. A changed original gets a new source revision; translations keep pointing
 * at the revision they were made from, which is how they become "behind".
 */
export async function writePostContent(tx: Tx, input: PostContentInput, prepared: Map<string, PreparedForWrite>, stored: StoredPost | null): Promise<WrittenPost> {
  const source = input.localizations.find((l) => l.locale === input.sourceLocale);
  let postId = stored?.id;
  let revisionId = stored?.revisionId ?? null;
  let revisionCreated = false;
  const prep = (l: PostContentInput['localizations'][number]) => prepared.get(l.locale) ?? prepareLocalization(l);

  if (source || !stored) {
    const fields = {
      sourceLocale: input.sourceLocale,
      thumbnail: input.thumbnail ?? null,
      forceLinkToOtherLanguage: input.forceLinkToOtherLanguage ?? false,
      canonicalUrl: input.canonicalUrl ?? null,
    };
    postId = stored
      ? (await tx.post.update({ where: { id: stored.id }, data: { ...fields, ...(input.publishedAt === undefined ? {} : { publishedAt: input.publishedAt }) }, select: { id: true } })).id
      : (await tx.post.create({ data: { slug: input.slug, ...fields, publishedAt: input.publishedAt === undefined ? new Date() : input.publishedAt }, select: { id: true } })).id;

    const tagIds = await ensureTags(tx, input.tags);
    if (stored) await tx.postTag.deleteMany({ where: { postId } });
    if (tagIds.length > 0) await tx.postTag.createMany({ data: tagIds.map((tagId) => ({ postId: postId!, tagId })), skipDuplicates: true });
  }

  const credited = input.localizations.flatMap((l) => [...(l.translators ?? []), ...(l.proofreaders ?? [])]);
  const authorIds = await ensureAuthors(tx, [...(source || !stored ? input.authors : []), ...credited]);
  if (source || !stored) {
    if (stored) await tx.postAuthor.deleteMany({ where: { postId } });
    await tx.postAuthor.createMany({
      data: input.authors.map((ref, position) => ({
        postId: postId!,
        authorId: authorIds.get(ref.handle)!,
        position,
        proofreader: ref.proofreader ?? false,
        organization: ref.organization ?? null,
      })),
      skipDuplicates: true,
    });
  }

  if (source) {
    const body = prep(source).body;
    if (stored?.revisionMd5 !== md5(body)) {
      const blockHashes = prepared.get(source.locale)?.blockHashes ?? sourceBlockHashes(body);
      revisionId = (await tx.sourceRevision.create({ data: { postId: postId!, locale: source.locale, body, blockHashes }, select: { id: true } })).id;
      revisionCreated = true;
    }
  }

  const translationRevisions = new Map<string, string | null>(
    (stored?.localizations ?? []).filter((l) => l.locale !== input.sourceLocale).map((l) => [l.locale, l.sourceRevisionId]),
  );
  const creates: Prisma.PostLocalizationCreateManyInput[] = [];
  const written: { id?: string; locale: string; l: PostContentInput['localizations'][number] }[] = [];
  for (const l of input.localizations) {
    const p = prep(l);
    const before = stored?.localizations.find((x) => x.locale === l.locale);
    const data = {
      title: p.title,
      summary: p.summary,
      body: p.body,
      html: p.html,
      toc: p.toc,
      readingMinutes: p.readingMinutes,
      searchTitle: p.searchTitle,
      searchText: p.searchText,
      status: l.published ? ('PUBLISHED' as const) : ('DRAFT' as const),
      publishedAt: l.published ? (l.publishedAt ?? input.publishedAt ?? (before?.publishedAt != null ? new Date(before.publishedAt) : new Date())) : null,
      importHash: l.importHash ?? null,
    };
    // A translation moves to the newest source revision only when its own text changed with
    // it; an unchanged translation stays pinned to the revision it was made from.
    const isSource = l.locale === input.sourceLocale;
    const sourceRevisionId = isSource ? revisionId : before && before.bodyMd5 === md5(p.body) ? before.sourceRevisionId : revisionId;
    if (!isSource) translationRevisions.set(l.locale, sourceRevisionId);
    if (before) {
      await tx.postLocalization.update({ where: { id: before.id }, data: { ...data, sourceRevisionId, version: { increment: 1 } }, select: { id: true } });
      written.push({ id: before.id, locale: l.locale, l });
    } else {
      creates.push({ ...data, postId: postId!, locale: l.locale, sourceRevisionId });
      written.push({ locale: l.locale, l });
    }
  }
  if (creates.length > 0) {
    const made = await tx.postLocalization.createManyAndReturn({ data: creates, select: { id: true, locale: true } });
    for (const w of written) w.id ??= made.find((m) => m.locale === w.locale)?.id;
  }

  const replaced = written.filter((w) => stored?.localizations.some((x) => x.id === w.id)).map((w) => w.id!);
  if (replaced.length > 0) await tx.localizationCredit.deleteMany({ where: { localizationId: { in: replaced } } });
  const credits = written.flatMap(({ id, l }) =>
    [
      ...(l.translators ?? []).map((ref) => ({ ref, role: 'TRANSLATOR' as const })),
      ...(l.proofreaders ?? []).map((ref) => ({ ref, role: 'PROOFREADER' as const })),
    ].map(({ ref, role }, position) => ({ localizationId: id!, authorId: authorIds.get(ref.handle)!, role, position })),
  );
  if (credits.length > 0) await tx.localizationCredit.createMany({ data: credits, skipDuplicates: true });
  return { id: postId!, revisionId, revisionCreated, translationRevisions };
}

/**
 * Creates or replaces a post with all its language versions in one transaction: a reader never
 * sees half a post.
 */
export async function upsertPostContent(input: PostContentInput, _actor: SystemActor) {
  const prepared = new Map<string, PreparedForWrite>(input.localizations.map((l) => [l.locale, prepareLocalization(l)]));
  const { id } = await db.$transaction(async (tx) => {
    await lockForWrite(tx, `qiao:post:${input.slug}`);
    return writePostContent(tx, input, prepared, await readStoredPost(tx, input.slug));
  });
  return { id };
}
