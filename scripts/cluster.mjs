// `npm run cluster`: the portal as it runs in production, on loopback: PostgreSQL (DATABASE_URL or
// the embedded one), Redis (REDIS_URL or a redis-server of its own), CLUSTER_INSTANCES app
// instances (default 2) of one build, and nginx in front on CLUSTER_PORT (default 8080) with
// deploy/nginx.conf. Needs Debian's nginx-light and redis-server. Ctrl-C stops everything.
import { migrate, openDatabase, bin, run } from './lib/database.mjs';
import { buildIsCurrent, markBuilt } from './lib/build.mjs';
import { startCluster } from './lib/cluster.mjs';

const log = (msg) => process.stderr.write(`[cluster] ${msg}\n`);
const database = await openDatabase();
let cluster;
async function shutdown() {
  await cluster?.stop();
  await database.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

try {
  await migrate(database.url);
  await run(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'prisma/seed.ts'], { env: { DATABASE_URL: database.url } });
  if (!buildIsCurrent()) {
    log('building the production bundle (first start or changed sources)');
    await run(bin('next'), ['build'], { env: { NODE_ENV: 'production' } });
    markBuilt();
  }
  cluster = await startCluster({
    databaseUrl: database.url,
    instances: Number(process.env.CLUSTER_INSTANCES ?? 2),
    port: Number(process.env.CLUSTER_PORT ?? 8080),
    log,
  });
  log(`the portal is on ${cluster.url}/en (Ctrl-C stops it)`);
} catch (error) {
  log(`could not start: ${error instanceof Error ? error.message : String(error)}`);
  await cluster?.stop();
  await database.stop();
  process.exit(1);
}
