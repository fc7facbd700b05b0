// `npm run backup [-- path/to/file.tar]`: one archive with a pg_dump of the portal's database
// (DATABASE_URL, or the embedded PostgreSQL of `npm start`), the uploads folder and a manifest that
// `npm run restore` checks the result against. Default: .data/backups/qiao-<UTC time>.tar, beside
// the embedded database's data and, like it, ignored by git.
//
// The archive is written by Debian's `tar` (GNU tar, or bsdtar elsewhere: only options both know)
// rather than an npm package: pg_dump already makes this a command-line tool for a machine with
// PostgreSQL's client programs, tar is part of every such system, and it spares the project a
// dependency and a lockfile change.
import { closeSync, existsSync, fsyncSync, openSync, rmSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
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
  serverMajor,
  sha256File,
} from './lib/pg-tools.mjs';

const say = (line) => process.stderr.write(`[backup] ${line}\n`);
const USAGE = 'usage: npm run backup [-- path/to/file.tar]';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (args.length > 1 || args.some((a) => a.startsWith('-'))) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

const stamp = new Date().toISOString().replace(/[-:]|\.\d+/g, ''); // 20261124T005933Z
// Paths on the command line are meant from where `npm run` was typed, not from the repository.
const target = args[0]
  ? path.resolve(process.env.INIT_CWD ?? process.cwd(), args[0])
  : path.join(root, '.data', 'backups', `qiao-${stamp}.tar`);
const uploadsDir = path.resolve(root, process.env.UPLOADS_DIR || '.data/uploads');

/** pg_dump refuses a server newer than itself, so the newest installed one must reach its major. */
async function chooseDump(serverVersionNum) {
  const major = serverMajor(serverVersionNum);
  const dump = await newestClient('pg_dump');
  if (!dump || dump.major < major) {
    const found = dump ? `the newest found is ${dump.major} (${dump.file})` : 'none was found';
    throw new Refusal(`pg_dump ${major} or newer is needed for this PostgreSQL ${major} server, ${found}; ${installHint(major)}`);
  }
  return dump;
}

// Removed on the way out, also when interrupted (Ctrl-C reaches pg_dump and tar as well).
let staging;
let partial;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const p of [partial, staging]) if (p) rmSync(p, { recursive: true, force: true });
    say(`interrupted; nothing written to ${target}`);
    process.exit(130);
  });
}

async function backup(url) {
  if (existsSync(target)) throw new Refusal(`${target} already exists; remove it or name another file`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text`);
    const dump = await chooseDump(rows[0].num);

    // The counts in the manifest and pg_dump see the same snapshot, so a portal that keeps writing
    // during the backup cannot make the restore's check fail.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: snap } = await client.query('SELECT pg_export_snapshot() AS id');
    const tables = await countRows(client);
    const migrations = tables['public._prisma_migrations'] === undefined ? [] : await appliedMigrations(client);

    await mkdir(path.dirname(target), { recursive: true });
    staging = await mkdtemp(path.join(path.dirname(target), '.qiao-backup-'));
    const conn = libpq(url);
    await exec(dump.file, ['--format=custom', `--snapshot=${snap[0].id}`, `--file=${path.join(staging, DUMP)}`, ...conn.args], {
      env: conn.env,
    });
    await client.query('COMMIT');

    const uploads = [];
    const files = await listFiles(uploadsDir, { onOther: (f) => say(`skipping ${f} in the uploads folder: not a regular file`) });
    for (const file of files) {
      const full = path.join(uploadsDir, file);
      uploads.push({ path: file, bytes: statSync(full).size, sha256: await sha256File(full) });
    }
    const dumpFile = path.join(staging, DUMP);
    const manifest = {
      format: FORMAT.name,
      version: FORMAT.version,
      createdAt: new Date().toISOString(),
      pgDump: dump.text,
      server: { version: rows[0].text, versionNum: Number(rows[0].num) },
      migrations,
      tables,
      dump: { file: DUMP, bytes: statSync(dumpFile).size, sha256: await sha256File(dumpFile) },
      uploads,
    };
    await writeFile(path.join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    // The uploads go in as uploads/<name> through a link, wherever UPLOADS_DIR is.
    await symlink(uploadsDir, path.join(staging, UPLOADS));
    const list = [MANIFEST, DUMP, ...uploads.map((u) => `${UPLOADS}/${u.path}`)];
    await writeFile(path.join(staging, 'files'), list.map((f) => `${f}\0`).join(''));

    // Written under a temporary name and renamed when complete: the target name never holds half an archive.
    partial = path.join(path.dirname(target), `.${path.basename(target)}.partial-${process.pid}`);
    await exec('tar', [
      '--create',
      '--format=pax',
      `--file=${partial}`,
      '-C',
      staging,
      '--null',
      `--files-from=${path.join(staging, 'files')}`,
    ]);
    const fd = openSync(partial, 'r');
    fsyncSync(fd);
    closeSync(fd);
    await rename(partial, target);
    partial = undefined;
    const rowCount = Object.values(tables).reduce((a, b) => a + b, 0);
    say(
      `wrote ${target} (${formatBytes(statSync(target).size)}): ${Object.keys(tables).length} tables with ${rowCount} rows, ` +
        `${migrations.length} migrations, ${uploads.length} upload files; ${dump.text}, server ${rows[0].text}`,
    );
  } finally {
    await client.end().catch(() => {});
    if (partial) await rm(partial, { force: true });
    if (staging) await rm(staging, { recursive: true, force: true });
    partial = staging = undefined;
  }
}

async function appliedMigrations(client) {
  const { rows } = await client.query(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.migration_name);
}

const database = await openDatabase();
let code = 0;
try {
  await backup(database.url);
} catch (error) {
  say(error instanceof Refusal ? error.message : `failed: ${error instanceof Error ? error.stack : String(error)}`);
  code = 1;
} finally {
  await database.stop();
}
process.exit(code);
