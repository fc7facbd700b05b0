import type { RedisClientOptions } from '@redis/client';

/** The options of every Redis connection the portal makes (see redis-options.mjs). */
export function redisClientOptions(url: string): RedisClientOptions & { url: string };
