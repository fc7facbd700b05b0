import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * Serialises writers of one row (a post, an event) across processes until the transaction ends,
 * including for a row that does not exist yet, which `SELECT … FOR UPDATE` cannot lock. Two
 * imports of the same folder then see each other's writes instead of both creating them.
 */
export async function lockForWrite(tx: Prisma.TransactionClient, key: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

/**
 * As lockForWrite, and the commit does not wait for its WAL flush. For bulk imports only: the
 * transaction stays atomic, and the few commits a server crash could lose are written again by
 * re-running the import, which skips everything that did arrive.
 */
export async function lockForImport(tx: Prisma.TransactionClient, key: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key})), set_config('synchronous_commit', 'off', true)`;
}

const TRANSIENT = /deadlock detected|could not serialize|40P01|40001|23505|Unique constraint failed/i;

/** Runs a transaction again when it lost a race (deadlock, serialization, unique violation). */
export async function withRetry<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const transient = code === 'P2002' || code === 'P2034' || TRANSIENT.test(error instanceof Error ? error.message : String(error));
      if (!transient || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * attempt));
    }
  }
}
