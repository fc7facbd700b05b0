// Readiness's view of Redis through an outage: a real redis-server, stopped and started again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis } from '../../../scripts/lib/cluster.mjs';

type Redis = Awaited<ReturnType<typeof startRedis>>;
let server: Redis;

beforeAll(async () => {
  server = await startRedis();
  process.env.REDIS_URL = server.url;
});

afterAll(async () => {
  delete process.env.REDIS_URL;
  const { redis } = await import('@/lib/redis');
  redis()?.destroy();
  await server.stop();
});

describe('the cache check of /api/ready', () => {
  it('is ok while Redis answers, fails within its time limit while it is down, and recovers by itself', { timeout: 30_000 }, async () => {
    const { checkCache } = await import('@/lib/dal/health');
    const { redis } = await import('@/lib/redis');
    await expect.poll(async () => (await checkCache())?.ok, { timeout: 5_000 }).toBe(true);

    await server.stop();
    for (let probe = 0; probe < 3; probe++) {
      const check = await checkCache();
      expect(check?.ok).toBe(false);
      expect(check?.ms).toBeLessThan(2_500);
      // A probe that gave up waiting leaves nothing behind on the connection.
      expect(redis()!.listenerCount('ready')).toBe(0);
    }

    await server.start();
    await expect.poll(async () => (await checkCache())?.ok, { timeout: 10_000 }).toBe(true);
    expect(redis()!.listenerCount('ready')).toBe(0);
  });
});
