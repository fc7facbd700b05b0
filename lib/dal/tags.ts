import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { tagLabel } from '@/lib/content/tags';
import { locales, type Locale } from '@/lib/i18n/routing';
import { requireRole } from '@/lib/dal/session';
import { writeAudit } from '@/lib/dal/audit';
import { TAG_PAGE_SIZE, type TagCreateInput, type TagLabelsInput } from '@/lib/validations/tags';

export type TagAdminDto = {
  id: string;
  slug: string;
  /** What an admin typed per language; '' where none was given. */
  labels: Record<Locale, string>;
  /** What visitors see per language, after the fallbacks of tagLabel. */
  shown: Record<Locale, string>;
  postCount: number;
  /** What the edit form sends back, so a save based on an older read is refused. */
  version: number;
};

export class TagWriteError extends Error {
  constructor(readonly code: 'NOT_FOUND' | 'CONFLICT' | 'SLUG_TAKEN' | 'IN_USE') {
    super(code);
  }
}

const SELECT = { id: true, slug: true, labels: true, version: true, _count: { select: { posts: true } } } as const;
const TARGET = 'tag';

function storedLabels(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function toDto(row: Prisma.TagGetPayload<{ select: typeof SELECT }>): TagAdminDto {
  const stored = storedLabels(row.labels);
  const per = (f: (l: Locale) => string) => Object.fromEntries(locales.map((l) => [l, f(l)])) as Record<Locale, string>;
  return {
    id: row.id,
    slug: row.slug,
    labels: per((l) => stored[l] ?? ''),
    shown: per((l) => tagLabel(row.labels, row.slug, l)),
    postCount: row._count.posts,
    version: row.version,
  };
}

/** One page of tags by slug, optionally those whose slug or a label contains `q`. */
export async function listTagsForAdmin({ page, q }: { page: number; q?: string }) {
  await requireRole('ADMIN');
  const where: Prisma.TagWhereInput = q
    ? {
        OR: [
          { slug: { contains: q, mode: 'insensitive' } },
          ...locales.map((l) => ({ labels: { path: [l], string_contains: q, mode: 'insensitive' as const } })),
        ],
      }
    : {};
  const [total, rows] = await Promise.all([
    db.tag.count({ where }),
    db.tag.findMany({ where, select: SELECT, orderBy: { slug: 'asc' }, skip: (page - 1) * TAG_PAGE_SIZE, take: TAG_PAGE_SIZE }),
  ]);
  return { items: rows.map(toDto), total, page, pages: Math.max(1, Math.ceil(total / TAG_PAGE_SIZE)) };
}

export async function getTagForAdmin(id: string): Promise<TagAdminDto | null> {
  await requireRole('ADMIN');
  const row = await db.tag.findUnique({ where: { id }, select: SELECT });
  return row ? toDto(row) : null;
}

/**
 * The form's labels over what is stored: languages the form does not show are kept, and an empty
 * field removes its label so the fallback (English, then the slug) applies.
 */
function mergeLabels(current: unknown, input: TagLabelsInput): Record<string, string> {
  const merged: Record<string, string> = { ...storedLabels(current), en: input.labelEn, zh: input.labelZh };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== ''));
}

export async function createTag(input: TagCreateInput): Promise<{ id: string; slug: string }> {
  const actor = await requireRole('ADMIN');
  const labels = mergeLabels({}, input);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.tag.create({ data: { slug: input.slug, labels }, select: { id: true, slug: true } });
      await writeAudit(tx, { actorId: actor.id, action: 'tag.create', targetType: TARGET, targetId: row.id, data: { slug: row.slug, labels } });
      return row;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new TagWriteError('SLUG_TAKEN');
    throw error;
  }
}

/** Saves a tag's labels; refused with CONFLICT when the tag changed since `baseVersion` was read. */
export async function updateTagLabels(id: string, baseVersion: number, input: TagLabelsInput): Promise<{ slug: string }> {
  const actor = await requireRole('ADMIN');
  return db.$transaction(async (tx) => {
    const row = await tx.tag.findUnique({ where: { id }, select: { slug: true, labels: true, version: true } });
    if (!row) throw new TagWriteError('NOT_FOUND');
    if (row.version !== baseVersion) throw new TagWriteError('CONFLICT');
    const labels = mergeLabels(row.labels, input);
    // The version in the condition makes a save that raced this one lose, not overwrite.
    const { count } = await tx.tag.updateMany({ where: { id, version: baseVersion }, data: { labels, version: { increment: 1 } } });
    if (count === 0) throw new TagWriteError('CONFLICT');
    await writeAudit(tx, { actorId: actor.id, action: 'tag.update', targetType: TARGET, targetId: id, data: { slug: row.slug, from: storedLabels(row.labels), to: labels } });
    return { slug: row.slug };
  });
}

/** Deletes a tag no post uses; a tag still in use is refused with IN_USE and stays. */
export async function deleteTag(id: string): Promise<{ slug: string }> {
  const actor = await requireRole('ADMIN');
  return db.$transaction(async (tx) => {
    const row = await tx.tag.findUnique({ where: { id }, select: { slug: true, labels: true } });
    if (!row) throw new TagWriteError('NOT_FOUND');
    // One statement, so a post tagged in the meantime keeps its tag.
    const { count } = await tx.tag.deleteMany({ where: { id, posts: { none: {} } } });
    if (count === 0) throw new TagWriteError('IN_USE');
    await writeAudit(tx, { actorId: actor.id, action: 'tag.delete', targetType: TARGET, targetId: id, data: { slug: row.slug, labels: storedLabels(row.labels) } });
    return { slug: row.slug };
  });
}
