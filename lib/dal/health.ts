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
  return timed(async (signal) => {
    if (!client.isReady) await untilReady(client, signal);
    await client.ping();
  });
}

/**
 * Just started or reconnecting: wait for the connection until the check gives up. The listener
 * goes with the wait, so that checks during a long outage do not pile up.
 */
function untilReady(client: NonNullable<ReturnType<typeof redis>>, signal: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    const onReady = () => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    };
    const onAbort = () => {
      client.off('ready', onReady);
      reject(signal.reason);
    };
    client.once('ready', onReady);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

async function timed(probe: (signal: AbortSignal) => Promise<unknown>): Promise<Check> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  const timeout = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), { once: true });
  });
  try {
    await Promise.race([probe(signal), timeout]);
    return { ok: true, ms: elapsed() };
  } catch (error) {
    return { ok: false, ms: elapsed(), error: error instanceof Error ? error.message : String(error) };
  }
}
