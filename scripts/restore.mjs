// `npm run restore -- path/to/file.tar [--force]`: puts a `npm run backup` archive back into the
// portal's database (DATABASE_URL, or the embedded PostgreSQL of `npm start`) and uploads folder,
// then checks every table's row count and every upload's sha256 against the archive's manifest.
//
// Everything that can be checked is checked before anything changes: the archive reads to the
// end, its dump and files match the manifest's checksums, the client programs can read the dump,
// and the database is empty (or --force). The database is then restored in one transaction, so a
// failure leaves it as it was.
import { copyFile, mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, root } from './lib/database.mjs';
import {
  DUMP,
  FORMAT,
  MANIFEST,
  Refusal,
  UPLOADS,
  countRows,
  exec,
  formatBytes,
  installHint,
  libpq,
  listFiles,
  newestClient,
  sha256File,
  tableNames,
} from './lib/pg-tools.mjs';

const say = (line) => process.stderr.write(`[restore] ${line}\n`);
const USAGE = 'usage: npm run restore -- path/to/backup.tar [--force]';

let parsed;
try {
  parsed = parseArgs({ options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(2);
}
if (parsed.values.help) {
  process.stdout.write(
    `${USAGE}\n  --force  replace the content of a database that already has tables, and upload files of the same name\n`,
  );
  process.exit(0);
}
if (parsed.positionals.length !== 1) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const force = parsed.values.force === true;
const archive = path.resolve(process.env.INIT_CWD ?? process.cwd(), parsed.positionals[0]);
const uploadsDir = path.resolve(root, process.env.UPLOADS_DIR || '.data/uploads');

/** Unpacks the archive into `dir` and returns its manifest, once everything in it is accounted for. */
async function unpack(dir) {
  if (!existsSync(archive) || !statSync(archive).isFile()) throw new Refusal(`${archive} does not exist`);
  await exec('tar', ['--extract', `--file=${archive}`, '-C', dir, '--no-same-owner']).catch((e) => {
    throw new Refusal(`${archive} is not a complete backup archive (${e.message})`);
  });
  let manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    throw new Refusal(`${archive} has no readable ${MANIFEST}: it is not a backup made by npm run backup`);
  }
  if (
    manifest?.format !== FORMAT.name ||
    manifest.version !== FORMAT.version ||
    typeof manifest.tables !== 'object' ||
    !Array.isArray(manifest.uploads)
  ) {
    throw new Refusal(`${archive} has a manifest this version does not understand (format ${manifest?.format} ${manifest?.version})`);
  }
  const dump = path.join(dir, DUMP);
  if (!existsSync(dump) || (await sha256File(dump)) !== manifest.dump?.sha256) {
    throw new Refusal(`${archive} is damaged: its database dump does not match the checksum in its manifest`);
  }
  const extracted = await listFiles(path.join(dir, UPLOADS), { onOther: (f) => bad(`uploads/${f} is not a regular file`) });
  const expected = new Map(manifest.uploads.map((u) => [u.path, u.sha256]));
  for (const file of extracted) if (!expected.has(file)) bad(`uploads/${file} is not in its manifest`);
  for (const [file, sha] of expected) {
    if (!extracted.includes(file)) bad(`uploads/${file} is missing`);
    else if ((await sha256File(path.join(dir, UPLOADS, file))) !== sha) bad(`uploads/${file} does not match its checksum`);
  }
  return manifest;
}

function bad(what) {
  throw new Refusal(`${archive} is damaged: ${what}`);
}

/** pg_restore reads archives of its own major version and older; psql from the same installation. */
async function chooseClients(manifest) {
  const needed = Number(/\(PostgreSQL\)\s+(\d+)/.exec(manifest.pgDump ?? '')?.[1] ?? 0);
  const restore = await newestClient('pg_restore');
  if (!restore || restore.major < needed) {
    const found = restore ? `the newest found is ${restore.major} (${restore.file})` : 'none was found';
    throw new Refusal(
      `pg_restore ${needed} or newer is needed to read this archive (made by ${manifest.pgDump}), ${found}; ${installHint(needed)}`,
    );
  }
  const beside = path.join(path.dirname(restore.file), 'psql');
  const psql = existsSync(beside) ? { file: beside } : await newestClient('psql');
  if (!psql) throw new Refusal(`psql is needed beside pg_restore; ${installHint(restore.major)}`);
  return { pgRestore: restore.file, psql: psql.file };
}

// With --force, empties the public schema but keeps the schema itself, whose owner and grants
// (pg_database_owner and USAGE for everyone since PostgreSQL 15) pg_dump does not record. Objects
// pg_restore --clean would miss, such as a table a newer migration added, go too.
const EMPTY_PUBLIC = `DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT e.extname FROM pg_extension e WHERE e.extnamespace = 'public'::regnamespace LOOP
    EXECUTE format('DROP EXTENSION IF EXISTS %I CASCADE', r.extname);
  END LOOP;
  FOR r IN SELECT c.relname, c.relkind FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') LOOP
    EXECUTE format('DROP %s IF EXISTS public.%I CASCADE',
      CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, r.relname);
  END LOOP;
  FOR r IN SELECT t.typname FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace
      AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')) LOOP
    EXECUTE format('DROP TYPE IF EXISTS public.%I CASCADE', r.typname);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS sig, p.prokind FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace LOOP
    EXECUTE format('DROP %s IF EXISTS %s CASCADE', CASE r.prokind WHEN 'a' THEN 'AGGREGATE' ELSE 'ROUTINE' END, r.sig);
  END LOOP;
END $$`;

async function restoreDatabase(url, dir, clients) {
  const sql = path.join(dir, 'restore.sql');
  // Without owners and grants: the backup may come from a server whose roles this one lacks, and
  // whoever restores owns what is restored, as the portal's migrations would have made it.
  await exec(clients.pgRestore, [
    '--no-owner',
    '--no-privileges',
    ...(force ? ['--clean', '--if-exists'] : []),
    `--file=${sql}`,
    path.join(dir, DUMP),
  ]);
  const conn = libpq(url);
  // psql rather than pg_restore --dbname: it runs the emptying and the restore in one transaction.
  await exec(
    clients.psql,
    [
      '--no-psqlrc',
      '--quiet',
      '--single-transaction',
      '--set=ON_ERROR_STOP=1',
      ...(force ? [`--command=${EMPTY_PUBLIC}`] : []),
      `--file=${sql}`,
      ...conn.args,
    ],
    { env: { ...conn.env, PGOPTIONS: '-c client_min_messages=warning' } },
  ).catch((e) => {
    throw new Refusal(`the database was left as it was: ${e.message}`);
  });
}

/** Copies the archive's uploads into UPLOADS_DIR, each under a temporary name and then renamed into place. */
async function restoreUploads(dir, manifest) {
  for (const { path: file } of manifest.uploads) {
    const dest = path.join(uploadsDir, file);
    await mkdir(path.dirname(dest), { recursive: true });
    const temp = `${dest}.restore-${process.pid}`;
    await copyFile(path.join(dir, UPLOADS, file), temp);
    await rename(temp, dest);
  }
}

async function restore(url) {
  const dir = await mkdtemp(path.join(tmpdir(), 'qiao-restore-'));
  const client = new pg.Client({ connectionString: url });
  try {
    const manifest = await unpack(dir);
    const clients = await chooseClients(manifest);
    await client.connect();
    const database = (await client.query('SELECT current_database() AS name')).rows[0].name;
    const existing = await tableNames(client);
    if (existing.length > 0 && !force) {
      throw new Refusal(
        `database "${database}" already has ${existing.length} tables (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', …' : ''}); ` +
          `nothing was changed. Restore into an empty database, or add --force to replace its content`,
      );
    }
    if (!force) {
      for (const { path: file, sha256 } of manifest.uploads) {
        const dest = path.join(uploadsDir, file);
        if (existsSync(dest) && (await sha256File(dest)) !== sha256) {
          throw new Refusal(`${dest} exists with other content; nothing was changed. Add --force to replace it`);
        }
      }
    }

    say(`restoring ${path.basename(archive)} (made ${manifest.createdAt} from PostgreSQL ${manifest.server?.version}) into "${database}"`);
    await restoreDatabase(url, dir, clients);
    await restoreUploads(dir, manifest);
    // pg_restore leaves the planner without statistics until autovacuum comes round.
    await client.query('ANALYZE');

    const problems = [];
    const counts = await countRows(client);
    for (const [table, rows] of Object.entries(manifest.tables)) {
      if (counts[table] === undefined) problems.push(`table ${table} is missing`);
      else if (counts[table] !== rows) problems.push(`table ${table} has ${counts[table]} rows, the backup ${rows}`);
    }
    for (const table of Object.keys(counts)) if (manifest.tables[table] === undefined) problems.push(`table ${table} is not in the backup`);
    let bytes = 0;
    for (const { path: file, sha256 } of manifest.uploads) {
      const dest = path.join(uploadsDir, file);
      if (!existsSync(dest) || (await sha256File(dest)) !== sha256) problems.push(`upload ${file} differs from the backup`);
      else bytes += statSync(dest).size;
    }
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    const restored = new Set(manifest.uploads.map((u) => u.path));
    const leftovers = (await listFiles(uploadsDir)).filter((f) => !restored.has(f)).length;
    say(
      `${Object.keys(counts).length} tables, ${rows} rows; ${manifest.migrations?.length ?? 0} migrations, the last ${manifest.migrations?.at(-1) ?? 'none'}`,
    );
    say(
      `${manifest.uploads.length} upload files (${formatBytes(bytes)}) in ${uploadsDir}` +
        (leftovers > 0 ? `, beside ${leftovers} that were there before and are not in the backup` : ''),
    );
    if (problems.length > 0) throw new Refusal(`the restored data differs from the backup:\n  ${problems.join('\n  ')}`);
    say('every row count and upload checksum matches the backup');
  } finally {
    await client.end().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}

const database = await openDatabase();
let code = 0;
try {
  await restore(database.url);
} catch (error) {
  say(error instanceof Refusal ? error.message : `failed: ${error instanceof Error ? error.stack : String(error)}`);
  code = 1;
} finally {
  await database.stop();
}
process.exit(code);
