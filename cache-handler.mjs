// Next's page and data cache in Redis, shared by every instance of the portal, through
// @fortedigital/nextjs-cache-handler (next.config.ts selects this module when REDIS_URL is set).
//
// Nothing is kept in the process: a page cached or revalidated by one instance is what every other
// instance serves next. While Redis is unreachable each read is a miss and each write is dropped,
// so pages are rendered from PostgreSQL on every request (slower, never wrong); /api/ready reports
// the outage. A revalidation that could not reach Redis would leave an outdated page behind once
// Redis is back, so this instance then clears the build's cached pages.
import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { createClient } from '@redis/client';

const TIMEOUT_MS = 500;

function logLine(level, msg, extra = {}) {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...extra })}\n`);
}

async function clearPrefix(client, prefix) {
  let removed = 0;
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) {
    if (keys.length) removed += await client.unlink(keys);
  }
  return removed;
}

function createShared({ buildId }) {
  const prefix = `qiao:${buildId ?? 'unknown'}:`;
  const client = createClient({
    url: process.env.REDIS_URL,
    // Fail fast while disconnected instead of queueing commands behind a dead socket.
    disableOfflineQueue: true,
    pingInterval: 5_000,
    socket: { connectTimeout: 1_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
  });
  let down = false;
  let missedRevalidation = false;
  client.on('error', (error) => {
    if (!down) logLine('warn', 'page cache: Redis unreachable, rendering from the database', { error: error.message });
    down = true;
  });
  client.on('ready', async () => {
    if (!down) return;
    down = false;
    logLine('info', 'page cache: Redis reachable again');
    if (!missedRevalidation) return;
    missedRevalidation = false;
    try {
      const removed = await clearPrefix(client, prefix);
      logLine('info', 'page cache: cleared after revalidations missed during the outage', { removed });
    } catch (error) {
      missedRevalidation = true;
      logLine('warn', 'page cache: could not clear after the outage', { error: error.message });
    }
  });
  client.connect().catch(() => {
    // Reported by the 'error' listener; the client keeps reconnecting on its own.
  });

  const redis = createRedisHandler({ client, keyPrefix: prefix, timeoutMs: TIMEOUT_MS });
  return {
    handlers: [
      {
        ...redis,
        async revalidateTag(tag) {
          try {
            await redis.revalidateTag(tag);
          } catch (error) {
            missedRevalidation = true;
            throw error;
          }
        },
      },
    ],
  };
}

CacheHandler.onCreation((context) => {
  // Next makes a handler per request; they share one connection.
  globalThis.__qiaoCacheConfig ??= createShared(context);
  return globalThis.__qiaoCacheConfig;
});

export default CacheHandler;
