// What `npm run backup` and `npm run restore` share: finding PostgreSQL's client programs, handing
// them the portal's DATABASE_URL, counting rows, and running Debian's `tar`.
import { createHash } from 'node:crypto';
import { execFile, spawn } from 'node:child_process';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/** An expected failure: its message is the whole story, printed as one line without a stack. */
export class Refusal extends Error {}

/** Every installed copy of a client program: Debian's per-version folders first, then PATH. */
function copiesOf(program) {
  const found = [];
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) for (const version of readdirSync(debian)) found.push(path.join(debian, version, 'bin', program));
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) found.push(path.join(dir, program));
  return [...new Set(found)].filter((file) => existsSync(file));
}

/** The newest installed `program` (pg_dump, pg_restore, psql) as { file, major, text }, or null. */
export async function newestClient(program) {
  let best = null;
  for (const file of copiesOf(program)) {
    const text = await promisify(execFile)(file, ['--version']).then(
      (r) => r.stdout.trim(),
      () => '',
    );
    const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(text);
    if (!m) continue;
    const version = { file, text, major: Number(m[1]), minor: Number(m[2] ?? 0) };
    if (!best || version.major > best.major || (version.major === best.major && version.minor > best.minor)) best = version;
  }
  return best;
}

export function installHint(major) {
  return `on Debian: apt-get install postgresql-client-${major} (from apt.postgresql.org when Debian has no such version)`;
}

// Query parameters Prisma understands and libpq rejects ("invalid URI query parameter").
const PRISMA_ONLY = [
  'schema',
  'connection_limit',
  'pool_timeout',
  'pgbouncer',
  'statement_cache_size',
  'socket_timeout',
  'sslaccept',
  'sslidentity',
  'max_connection_lifetime',
  'max_idle_connection_lifetime',
];

/**
 * Arguments and environment for pg_dump, pg_restore and psql. The password goes in the environment,
 * not the command line, where `ps` would show it to every user of the machine.
 */
export function libpq(url) {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  for (const name of PRISMA_ONLY) u.searchParams.delete(name);
  return { args: [`--dbname=${u.toString()}`], env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Runs a program to completion; rejects with its stderr (last lines) when it fails. */
export function exec(file, args, { env = process.env, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    child.on('error', (e) => reject(new Refusal(`could not run ${file}: ${e.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Refusal(
            `${path.basename(file)} failed (${code ?? signal}): ${stderr.trim().split('\n').slice(-5).join(' | ') || 'no message'}`,
          ),
        );
    });
  });
}

export function serverMajor(versionNum) {
  return Math.floor(Number(versionNum) / 10000);
}

// User tables, without the catalogs and without tables that belong to an extension (pg_dump leaves
// their rows out, so counting them would report a mismatch that is not one).
const TABLES = `
  SELECT n.nspname AS schema, c.relname AS name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
  ORDER BY 1, 2`;

/** "schema.table" → number of rows, for every user table of the database `client` is connected to. */
export async function countRows(client) {
  const { rows } = await client.query(TABLES);
  const counts = {};
  for (const { schema, name } of rows) {
    const table = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(name)}`;
    const { rows: r } = await client.query(`SELECT count(*)::bigint AS n FROM ${table}`);
    counts[`${schema}.${name}`] = Number(r[0].n);
  }
  return counts;
}

export async function tableNames(client) {
  const { rows } = await client.query(TABLES);
  return rows.map((r) => `${r.schema}.${r.name}`);
}

export function sha256File(file) {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (d) => hash.update(d))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Regular files under `dir`, as sorted paths relative to it with "/" separators; [] when it is missing. */
export async function listFiles(dir, { onOther = () => {} } = {}) {
  const out = [];
  async function walk(rel) {
    let entries;
    try {
      entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    } catch (e) {
      if (rel === '' && e.code === 'ENOENT') return;
      throw e;
    }
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      const stat = await lstat(path.join(dir, child));
      if (stat.isDirectory()) await walk(child);
      else if (stat.isFile()) out.push(child);
      else onOther(child);
    }
  }
  await walk('');
  return out.sort();
}

export function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

export const MANIFEST = 'manifest.json';
export const DUMP = 'database.dump';
export const UPLOADS = 'uploads';
export const FORMAT = { name: 'qiao-backup', version: 1 };
