import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { logEvent } from '@/lib/log';

// One client per process, reused across hot reloads in development.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient() {
  const adapter = new PrismaPg(
    { connectionString: env.DATABASE_URL, max: 10 },
    {
      // An idle connection dropped by the server (restart, failover) must not crash the
      // process (prisma/orm#27641); the pool replaces it on the next query.
      onPoolError: (err) => logEvent('error', 'pg pool error', { err: err.message }),
    },
  );
  const client = new PrismaClient({
    adapter,
    log: env.QIAO_QUERY_LOG === '1' ? [{ emit: 'event', level: 'query' }] : [],
  });
  if (env.QIAO_QUERY_LOG === '1') {
    // The benchmark counts queries per request from these lines.
    client.$on('query' as never, () => process.stdout.write('[qiao:query]\n'));
  }
  return client;
}

export const db = globalForPrisma.prisma ?? createClient();
if (env.NODE_ENV !== 'production') globalForPrisma.prisma = db;
