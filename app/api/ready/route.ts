import { checkDatabase } from '@/lib/dal/health';

// Readiness: whether this instance can serve pages that need the database; 503 while it cannot,
// so that a load balancer sends visitors elsewhere until it recovers.
export const dynamic = 'force-dynamic';

export async function GET() {
  const database = await checkDatabase();
  return Response.json(
    { status: database.ok ? 'ready' : 'unavailable', checks: { database } },
    { status: database.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
