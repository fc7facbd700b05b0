import { checkCache, checkDatabase } from '@/lib/dal/health';

// Readiness: whether this instance can serve pages. Without PostgreSQL it cannot (503, so that a
// load balancer sends visitors elsewhere until it recovers). Without Redis it still can, from the
// database and slower: 200 with status "degraded", and the failing check named.
export const dynamic = 'force-dynamic';

export async function GET() {
  const [database, cache] = await Promise.all([checkDatabase(), checkCache()]);
  const status = !database.ok ? 'unavailable' : cache && !cache.ok ? 'degraded' : 'ready';
  return Response.json(
    { status, checks: cache ? { database, cache } : { database } },
    { status: database.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
