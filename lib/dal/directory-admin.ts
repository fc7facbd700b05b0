import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { markdown } from '@/lib/markdown/shared-pool';
import { requireRole } from '@/lib/dal/session';
import { writeAudit } from '@/lib/dal/audit';
import type { DirectoryCreateInput, DirectoryInput } from '@/lib/validations/directory';

export type DirectoryAdminDto = {
  id: string;
  slug: string;
  name: string;
  url: string;
  info: string;
  tags: string[];
  body: string;
  hidden: boolean;
  /** What the edit form sends back, so a save based on an older read is refused. */
  version: number;
};

export class DirectoryWriteError extends Error {
  constructor(readonly code: 'NOT_FOUND' | 'CONFLICT' | 'SLUG_TAKEN') {
    super(code);
  }
}

const SELECT = { id: true, slug: true, name: true, url: true, info: true, tags: true, body: true, hidden: true, version: true } as const;
// The public page's order; imported entries all start at position 0 and fall back to their slug.
const ORDER: Prisma.DirectoryEntryOrderByWithRelationInput[] = [{ position: 'asc' }, { slug: 'asc' }];
const TARGET = 'directory';

export async function listDirectoryForAdmin(): Promise<DirectoryAdminDto[]> {
  await requireRole('ADMIN');
  return db.directoryEntry.findMany({ select: SELECT, orderBy: ORDER });
}

export async function getDirectoryEntryForAdmin(id: string): Promise<DirectoryAdminDto | null> {
  await requireRole('ADMIN');
  return db.directoryEntry.findUnique({ where: { id }, select: SELECT });
}

/** The stored columns for a form's input: the body is rendered and sanitized here, once. */
async function columns(input: DirectoryInput) {
  const { html } = await markdown().run('render', input.body);
  return { name: input.name, url: input.url, info: input.info, tags: input.tags, body: input.body, html, hidden: input.hidden };
}

export async function createDirectoryEntry(input: DirectoryCreateInput): Promise<{ id: string; slug: string }> {
  const actor = await requireRole('ADMIN');
  const data = await columns(input);
  try {
    return await db.$transaction(async (tx) => {
      await lockOrder(tx);
      const last = await tx.directoryEntry.aggregate({ _max: { position: true } });
      const row = await tx.directoryEntry.create({
        data: { ...data, slug: input.slug, position: (last._max.position ?? -1) + 1 },
        select: { id: true, slug: true },
      });
      await writeAudit(tx, { actorId: actor.id, action: 'directory.create', targetType: TARGET, targetId: row.id, data: { slug: row.slug, name: input.name } });
      return row;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new DirectoryWriteError('SLUG_TAKEN');
    throw error;
  }
}

/**
 * Saves the edit form. `baseVersion` is the version the form was read at: when someone saved in
 * between, nothing is written and CONFLICT is thrown, so their change is never silently lost.
 */
export async function updateDirectoryEntry(id: string, baseVersion: number, input: DirectoryInput): Promise<{ slug: string }> {
  const actor = await requireRole('ADMIN');
  const data = await columns(input);
  return db.$transaction(async (tx) => {
    const { count } = await tx.directoryEntry.updateMany({ where: { id, version: baseVersion }, data: { ...data, version: { increment: 1 } } });
    const row = await tx.directoryEntry.findUnique({ where: { id }, select: { slug: true } });
    if (!row) throw new DirectoryWriteError('NOT_FOUND');
    if (count === 0) throw new DirectoryWriteError('CONFLICT');
    await writeAudit(tx, { actorId: actor.id, action: 'directory.update', targetType: TARGET, targetId: id, data: { slug: row.slug, name: input.name } });
    return row;
  });
}

export async function setDirectoryEntryHidden(id: string, hidden: boolean): Promise<void> {
  const actor = await requireRole('ADMIN');
  await db.$transaction(async (tx) => {
    // The edit form carries `hidden` too: a form opened before this click must not undo it.
    const { count } = await tx.directoryEntry.updateMany({ where: { id }, data: { hidden, version: { increment: 1 } } });
    if (count === 0) throw new DirectoryWriteError('NOT_FOUND');
    await writeAudit(tx, { actorId: actor.id, action: 'directory.hide', targetType: TARGET, targetId: id, data: { hidden } });
  });
}

// Serializes everything that numbers positions, so two quick clicks cannot interleave.
async function lockOrder(tx: Prisma.TransactionClient) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('qiao:directory:order'))`;
}

/**
 * Swaps an entry with its neighbour in the public order. Every entry is renumbered (in one
 * statement) because imported entries share position 0 until the first move.
 */
export async function moveDirectoryEntry(id: string, direction: 'up' | 'down'): Promise<void> {
  const actor = await requireRole('ADMIN');
  await db.$transaction(async (tx) => {
    await lockOrder(tx);
    const ids = (await tx.directoryEntry.findMany({ orderBy: ORDER, select: { id: true } })).map((r) => r.id);
    const at = ids.indexOf(id);
    if (at < 0) throw new DirectoryWriteError('NOT_FOUND');
    const to = direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= ids.length) return;
    [ids[at], ids[to]] = [ids[to]!, ids[at]!];
    const positions = ids.map((_, i) => i);
    await tx.$executeRaw`
      UPDATE "DirectoryEntry" AS d SET "position" = v.pos
      FROM unnest(${ids}::text[], ${positions}::int[]) AS v(id, pos)
      WHERE d."id" = v.id AND d."position" <> v.pos`;
    await writeAudit(tx, { actorId: actor.id, action: 'directory.reorder', targetType: TARGET, targetId: id, data: { direction } });
  });
}

export async function deleteDirectoryEntry(id: string): Promise<{ name: string }> {
  const actor = await requireRole('ADMIN');
  return db.$transaction(async (tx) => {
    const row = await tx.directoryEntry.findUnique({ where: { id }, select: { slug: true, name: true } });
    if (!row) throw new DirectoryWriteError('NOT_FOUND');
    await tx.directoryEntry.delete({ where: { id } });
    await writeAudit(tx, { actorId: actor.id, action: 'directory.delete', targetType: TARGET, targetId: id, data: { slug: row.slug, name: row.name } });
    return { name: row.name };
  });
}
