// `npm start`: database (embedded when DATABASE_URL is unset), migrations, demo content once,
// a production build when the sources changed, then the production server on PORT.
import { spawn } from 'node:child_process';
import { bin, migrate, openDatabase, root, run } from './lib/database.mjs';
import { buildIsCurrent, markBuilt } from './lib/build.mjs';

const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '0.0.0.0';

const database = await openDatabase();
const env = {
  DATABASE_URL: database.url,
  SITE_URL: process.env.SITE_URL ?? `http://localhost:${port}`,
  NODE_ENV: 'production',
};

let server;
async function shutdown(signal) {
  if (server && server.exitCode === null) {
    server.kill(signal);
    await new Promise((resolve) => server.once('exit', resolve));
  }
  await database.stop();
  process.exit(0);
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));

try {
  await migrate(database.url);
  await run(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'prisma/seed.ts'], { env });
  if (!buildIsCurrent()) {
    process.stderr.write('[qiao] building the production bundle (first start or changed sources)\n');
    await run(bin('next'), ['build'], { env });
    markBuilt();
  }
} catch (error) {
  process.stderr.write(`[qiao] could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  await database.stop();
  process.exit(1);
}

server = spawn(bin('next'), ['start', '-p', port, '-H', host], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: '1' },
});
server.on('exit', async (code) => {
  await database.stop();
  process.exit(code ?? 0);
});
