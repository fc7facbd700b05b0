// Next's page and data cache, through @fortedigital/nextjs-cache-handler: in Redis, shared by
// every instance of the portal, when REDIS_URL is set; otherwise in this process's memory.
//
// Every page stored here gets its Content-Security-Policy: the hashes of its inline scripts
// (lib/script-hashes.mjs). Next sends a cached page with the headers stored beside it, and sends
// a page it has just rendered only after storing it, with the same headers.
//
// With Redis nothing is kept in the process: a page cached or revalidated by one instance is what every other
// instance serves next. While Redis is unreachable each read is a miss and each write is dropped,
// so pages are rendered from PostgreSQL on every request (slower, never wrong); /api/ready reports
// the outage. A revalidation that could not reach Redis would leave an outdated page behind once
// Redis is back, so this instance then clears the build's cached pages.
import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { createClient } from '@redis/client';
import { redisClientOptions } from './lib/redis-options.mjs';
import { cachedPagePolicy } from './lib/script-hashes.mjs';

const TIMEOUT_MS = 500;
// A single instance's cache, least recently used first out.
const MEMORY_CACHE_BYTES = 64 * 1024 * 1024;

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
  const client = createClient(redisClientOptions(process.env.REDIS_URL));
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

function createLocal() {
  return { handlers: [createLruHandler({ maxItemsNumber: 100_000, maxItemSizeBytes: MEMORY_CACHE_BYTES })] };
}

CacheHandler.onCreation((context) => {
  // Next makes a handler per request; they share one connection, or one memory.
  globalThis.__qiaoCacheConfig ??= process.env.REDIS_URL ? createShared(context) : createLocal();
  return globalThis.__qiaoCacheConfig;
});

export default class PageCache extends CacheHandler {
  async set(key, value, context) {
    // In place: the object is also the one Next is about to send.
    if (value?.kind === 'APP_PAGE' && typeof value.html === 'string') {
      value.headers = { ...value.headers, 'content-security-policy': cachedPagePolicy(value.html) };
    }
    // A route handler's response (feeds, calendars, sitemap) names its tags in a header only, which
    // the handler reads for pages alone: without them, revalidatePath never reached a feed.
    if (value?.kind === 'APP_ROUTE') {
      const tags = String(value.headers?.['x-next-cache-tags'] ?? '').split(',').filter(Boolean);
      return super.set(key, value, { ...context, tags: [...new Set([...(context?.tags ?? []), ...tags])] });
    }
    return super.set(key, value, context);
  }
}
