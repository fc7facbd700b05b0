import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { requireRole } from '@/lib/dal/session';

export const AUDIT_PAGE_SIZE = 30;

export type AuditInput = {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  data?: Prisma.InputJsonValue;
};

export type AuditEntryDto = {
  id: string;
  createdAt: string;
  action: string;
  targetType: string;
  targetId: string;
  // For targets that are users: who it was, as shown to the admin.
  targetLabel: string | null;
  actor: { id: string; email: string; name: string | null } | null;
  data: Record<string, unknown>;
};

/** Writes one audit row inside the caller's transaction, so the change and its record land together. */
export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditInput): Promise<void> {
  await tx.auditLog.create({ data: { ...entry, data: entry.data ?? {} }, select: { id: true } });
}

export async function listAuditEntries({ action, page }: { action?: string; page: number }) {
  await requireRole('ADMIN');
  const where: Prisma.AuditLogWhereInput = action ? { action } : {};
  const [total, rows, actions] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        action: true,
        targetType: true,
        targetId: true,
        data: true,
        actor: { select: { id: true, email: true, name: true } },
      },
    }),
    db.auditLog.findMany({ distinct: ['action'], orderBy: { action: 'asc' }, select: { action: true } }),
  ]);
  const userIds = rows.filter((r) => r.targetType === 'User').map((r) => r.targetId);
  const targets = userIds.length
    ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } })
    : [];
  const emails = new Map(targets.map((u) => [u.id, u.email]));
  const items: AuditEntryDto[] = rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    targetLabel: r.targetType === 'User' ? (emails.get(r.targetId) ?? null) : null,
    actor: r.actor,
    data: r.data && typeof r.data === 'object' && !Array.isArray(r.data) ? (r.data as Record<string, unknown>) : {},
  }));
  return { items, total, page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), actions: actions.map((a) => a.action) };
}
