import 'server-only';
import { db } from '@/lib/db';
import { redis } from '@/lib/redis';

export type Check = { ok: true; ms: number } | { ok: false; ms: number; error: string };

const TIMEOUT_MS = 2000;

/** Whether PostgreSQL answers a trivial query within TIMEOUT_MS. */
export function checkDatabase(): Promise<Check> {
  return timed(() => db.$queryRaw`SELECT 1`);
}

/**
 * Whether the shared page cache (Redis) answers a PING within TIMEOUT_MS; null when the portal runs
 * without one (REDIS_URL unset: each instance caches in its own memory).
 */
export function checkCache(): Promise<Check> | null {
  const client = redis();
  if (!client) return null;
  return timed(async () => {
    // Just started or reconnecting: wait for the connection (bounded by the timeout).
    if (!client.isReady) await new Promise((resolve) => client.once('ready', resolve));
    await client.ping();
  });
}

async function timed(probe: () => Promise<unknown>): Promise<Check> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return { ok: true, ms: elapsed() };
  } catch (error) {
    return { ok: false, ms: elapsed(), error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
