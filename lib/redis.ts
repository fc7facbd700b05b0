import 'server-only';
import { createClient } from '@redis/client';
import { redisClientOptions } from '@/lib/redis-options.mjs';

function connect(url: string) {
  const client = createClient(redisClientOptions(url));
  // Errors surface through the commands that fail; the listener keeps them from crashing Node.
  client.on('error', () => {});
  client.connect().catch(() => {});
  return client;
}

type Client = ReturnType<typeof connect>;

const shared = globalThis as unknown as { qiaoRedis?: Client };

/**
 * The connection the portal's own code uses for Redis (the page cache has its own, in
 * cache-handler.mjs), or null when REDIS_URL is unset. It reconnects by itself after an outage;
 * while disconnected, commands fail at once rather than wait in a queue.
 */
export function redis(): Client | null {
  const url = process.env.REDIS_URL;
  if (!url) return null;
  shared.qiaoRedis ??= connect(url);
  return shared.qiaoRedis;
}
