import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { requireRole } from '@/lib/dal/session';
import { writeAudit } from '@/lib/dal/audit';
import { CHANNEL_PLATFORMS, type ChannelInput, type ChannelPlatformName } from '@/lib/validations/channels';

export type ChannelDto = {
  id: string;
  platform: ChannelPlatformName;
  name: string;
  handle: string | null;
  url: string | null;
  qrImage: string | null;
  descriptions: { en: string; zh: string };
  position: number;
  hidden: boolean;
  /** What the edit form sends back, so a save based on an older read is refused. */
  version: number;
};

export class ChannelWriteError extends Error {
  constructor(readonly code: 'NOT_FOUND' | 'CONFLICT') {
    super(code);
  }
}

const SELECT = { id: true, platform: true, name: true, handle: true, url: true, qrImage: true, descriptions: true, position: true, hidden: true, version: true } as const;

function toDto(row: Prisma.ChannelGetPayload<{ select: typeof SELECT }>): ChannelDto {
  const d = (row.descriptions ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return { ...row, platform: row.platform as ChannelPlatformName, descriptions: { en: text(d.en), zh: text(d.zh) } };
}

function platformRank(p: string): number {
  return CHANNEL_PLATFORMS.indexOf(p as ChannelPlatformName);
}

function sortChannels(rows: ChannelDto[]): ChannelDto[] {
  return rows.sort((a, b) => platformRank(a.platform) - platformRank(b.platform) || a.position - b.position || a.name.localeCompare(b.name));
}

/** Visible channels for the public page, in the admin-set order within each platform. */
export async function listPublicChannels(): Promise<ChannelDto[]> {
  const rows = await db.channel.findMany({ where: { hidden: false }, select: SELECT, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
  return sortChannels(rows.map(toDto));
}

export async function listChannelsForAdmin(): Promise<ChannelDto[]> {
  await requireRole('ADMIN');
  const rows = await db.channel.findMany({ select: SELECT, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
  return sortChannels(rows.map(toDto));
}

export async function getChannelForAdmin(id: string): Promise<ChannelDto | null> {
  await requireRole('ADMIN');
  const row = await db.channel.findUnique({ where: { id }, select: SELECT });
  return row ? toDto(row) : null;
}

function data(input: ChannelInput) {
  return {
    platform: input.platform,
    name: input.name,
    handle: input.handle,
    url: input.url,
    descriptions: { en: input.descriptionEn, zh: input.descriptionZh },
    hidden: input.hidden,
  };
}

/** `qrImage`: a stored upload's URL, or undefined to keep the current one. */
export async function createChannel(input: ChannelInput, qrImage?: string | null): Promise<{ id: string }> {
  const actor = await requireRole('ADMIN');
  return db.$transaction(async (tx) => {
    const last = await tx.channel.aggregate({ where: { platform: input.platform }, _max: { position: true } });
    const row = await tx.channel.create({
      data: { ...data(input), qrImage: qrImage ?? null, position: (last._max.position ?? -1) + 1 },
      select: { id: true },
    });
    await writeAudit(tx, { actorId: actor.id, action: 'channel.create', targetType: 'channel', targetId: row.id, data: { name: input.name, platform: input.platform } });
    return row;
  });
}

/**
 * Saves the edit form. `baseVersion` is the version the form was read at: when someone saved in
 * between, nothing is written and CONFLICT is thrown, so their change is never silently lost.
 */
export async function updateChannel(id: string, baseVersion: number, input: ChannelInput, qrImage?: string | null): Promise<void> {
  const actor = await requireRole('ADMIN');
  await db.$transaction(async (tx) => {
    const before = await tx.channel.findUnique({ where: { id }, select: { platform: true } });
    if (!before) throw new ChannelWriteError('NOT_FOUND');
    let position: number | undefined;
    if (before.platform !== input.platform) {
      const last = await tx.channel.aggregate({ where: { platform: input.platform }, _max: { position: true } });
      position = (last._max.position ?? -1) + 1;
    }
    const { count } = await tx.channel.updateMany({
      where: { id, version: baseVersion },
      data: {
        ...data(input),
        ...(qrImage !== undefined ? { qrImage } : {}),
        ...(position !== undefined ? { position } : {}),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new ChannelWriteError('CONFLICT');
    await writeAudit(tx, { actorId: actor.id, action: 'channel.update', targetType: 'channel', targetId: id, data: { name: input.name } });
  });
}

export async function setChannelHidden(id: string, hidden: boolean): Promise<void> {
  const actor = await requireRole('ADMIN');
  await db.$transaction(async (tx) => {
    // The edit form carries `hidden` too: a form opened before this click must not undo it.
    const { count } = await tx.channel.updateMany({ where: { id }, data: { hidden, version: { increment: 1 } } });
    if (count === 0) throw new ChannelWriteError('NOT_FOUND');
    await writeAudit(tx, { actorId: actor.id, action: 'channel.hide', targetType: 'channel', targetId: id, data: { hidden } });
  });
}

/** Swaps a channel with its neighbour in the same platform; renumbers so positions stay distinct. */
export async function moveChannel(id: string, direction: 'up' | 'down'): Promise<void> {
  const actor = await requireRole('ADMIN');
  await db.$transaction(async (tx) => {
    const row = await tx.channel.findUnique({ where: { id }, select: { platform: true } });
    if (!row) throw new ChannelWriteError('NOT_FOUND');
    // Serializes concurrent reorders of one platform.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`qiao:channels:${row.platform}`}))`;
    const siblings = await tx.channel.findMany({
      where: { platform: row.platform },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      select: { id: true },
    });
    const ids = siblings.map((s) => s.id);
    const at = ids.indexOf(id);
    const to = direction === 'up' ? at - 1 : at + 1;
    if (at < 0 || to < 0 || to >= ids.length) return;
    [ids[at], ids[to]] = [ids[to]!, ids[at]!];
    for (const [position, channelId] of ids.entries()) {
      await tx.channel.update({ where: { id: channelId }, data: { position } });
    }
    await writeAudit(tx, { actorId: actor.id, action: 'channel.reorder', targetType: 'channel', targetId: id, data: { direction } });
  });
}

export async function deleteChannel(id: string): Promise<void> {
  const actor = await requireRole('ADMIN');
  await db.$transaction(async (tx) => {
    const row = await tx.channel.findUnique({ where: { id }, select: { name: true } });
    if (!row) throw new ChannelWriteError('NOT_FOUND');
    await tx.channel.delete({ where: { id } });
    await writeAudit(tx, { actorId: actor.id, action: 'channel.delete', targetType: 'channel', targetId: id, data: { name: row.name } });
  });
}
