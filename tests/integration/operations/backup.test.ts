// `npm run backup` and `npm run restore` as an operator runs them: child processes against the
// test database, restored into a new empty database on the same server and compared table by
// table (rows and a checksum of their content) and file by file.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, truncate, writeFile, copyFile, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { upsertPostContent } from '@/lib/dal/content';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const sourceUrl = process.env.DATABASE_URL!;
const run = randomUUID().slice(0, 8);
const slug = `backup-${run}`;
const handle = `backup-author-${run}`;
const uploadNames = [`${randomUUID()}.png`, `nested/图片 ${run} (1).txt`];

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
const adminUrl = withDatabase(sourceUrl, 'postgres');
const targetName = `qiao_restore_${run}`;
const targetUrl = withDatabase(sourceUrl, targetName);

let work: string;
let sourceUploads: string;
let targetUploads: string;
let archive: string;

function script(name: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', `${name}.mjs`), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Every table of the public schema: its row count and an md5 of all its rows in a fixed order. */
function fingerprint(url: string) {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), '')) AS md5
         FROM public.${client.escapeIdentifier(name)} t`,
      );
      out[name] = rows[0]!;
    }
    return out;
  });
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'qiao-backup-test-'));
  sourceUploads = path.join(work, 'uploads');
  targetUploads = path.join(work, 'restored-uploads');
  archive = path.join(work, 'out', 'backup.tar');
  await upsertPostContent(
    {
      slug,
      sourceLocale: 'en',
      publishedAt: new Date('2026-02-01T00:00:00Z'),
      authors: [{ handle, displayName: 'Backup Author' }],
      tags: [{ slug: `backup-${run}`, labels: { en: 'Backups', zh: '备份' } }],
      localizations: [
        { locale: 'en', title: 'Keeping a copy', body: '## Why\n\nDisks fail.\n\n## How\n\n`npm run backup`.', published: true },
        { locale: 'zh', title: '保留一份副本', body: '## 为什么\n\n磁盘会坏。\n\n## 怎么做\n\n`npm run backup`。', published: true },
      ],
    },
    { kind: 'system', reason: 'seed' },
  );
  await db.user.create({ data: { email: `backup-${run}@test.example`, name: '备份 管理员', role: 'ADMIN' } });
  for (const [i, name] of uploadNames.entries()) {
    await mkdir(path.dirname(path.join(sourceUploads, name)), { recursive: true });
    await writeFile(path.join(sourceUploads, name), randomBytes(i === 0 ? 200_000 : 1_000));
  }
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${targetName}"`));
});

afterAll(async () => {
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${targetName}" WITH (FORCE)`));
  await db.post.deleteMany({ where: { slug } });
  await db.author.deleteMany({ where: { handle } });
  await db.tag.deleteMany({ where: { slug: `backup-${run}` } });
  await db.user.deleteMany({ where: { email: `backup-${run}@test.example` } });
  await rm(work, { recursive: true, force: true });
});

describe('npm run backup and npm run restore', () => {
  let source: Awaited<ReturnType<typeof fingerprint>>;

  it('writes one archive with the dump, the uploads and a manifest', async () => {
    const result = await script('backup', [archive], { DATABASE_URL: sourceUrl, UPLOADS_DIR: sourceUploads });
    expect(result.output).toContain('wrote');
    expect(result.code).toBe(0);
    source = await fingerprint(sourceUrl);
    expect(source['Post']!.rows).toBeGreaterThan(0);
    expect(source['User']!.rows).toBeGreaterThan(0);
    expect((await stat(archive)).size).toBeGreaterThan(200_000);

    const manifest = JSON.parse(await readTarMember(archive, 'manifest.json'));
    expect(manifest.migrations.length).toBeGreaterThan(0);
    expect(manifest.tables['public.PostLocalization']).toBe(source['PostLocalization']!.rows);
    expect(manifest.uploads.map((u: { path: string }) => u.path)).toEqual([...uploadNames].sort());
    expect(manifest.pgDump).toMatch(/^pg_dump \(PostgreSQL\) \d+/);
  }, 60_000);

  it('restores into an empty database the same rows in every table, and the same upload files', async () => {
    const result = await script('restore', [archive], { DATABASE_URL: targetUrl, UPLOADS_DIR: targetUploads });
    expect(result.output).toContain('every row count and upload checksum matches the backup');
    expect(result.code).toBe(0);
    expect(await fingerprint(targetUrl)).toEqual(source);
    for (const name of uploadNames) {
      expect((await readFile(path.join(targetUploads, name))).equals(await readFile(path.join(sourceUploads, name)))).toBe(true);
    }
    const post = await withClient(targetUrl, (c) =>
      c.query(`SELECT l.locale, l.title FROM "PostLocalization" l JOIN "Post" p ON p.id = l."postId" WHERE p.slug = $1 ORDER BY 1`, [slug]),
    );
    expect(post.rows).toEqual([
      { locale: 'en', title: 'Keeping a copy' },
      { locale: 'zh', title: '保留一份副本' },
    ]);
  }, 60_000);

  it('refuses a database that already has tables, and changes nothing in it or in the uploads', async () => {
    await withClient(targetUrl, (c) => c.query(`UPDATE "PostLocalization" SET title = 'Edited after the backup' WHERE locale = 'en'`));
    await writeFile(path.join(targetUploads, uploadNames[0]!), 'edited after the backup');
    const before = await fingerprint(targetUrl);

    const result = await script('restore', [archive], { DATABASE_URL: targetUrl, UPLOADS_DIR: targetUploads });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/already has \d+ tables .*nothing was changed.*--force/);
    expect(await fingerprint(targetUrl)).toEqual(before);
    expect(await readFile(path.join(targetUploads, uploadNames[0]!), 'utf8')).toBe('edited after the backup');
  }, 60_000);

  it('with --force replaces the content, tables added since included, and the upload files', async () => {
    await withClient(targetUrl, (c) => c.query(`CREATE TABLE "AddedLater" (id int)`));
    const result = await script('restore', [archive, '--force'], { DATABASE_URL: targetUrl, UPLOADS_DIR: targetUploads });
    expect(result.output).toContain('every row count and upload checksum matches the backup');
    expect(result.code).toBe(0);
    expect(await fingerprint(targetUrl)).toEqual(source);
    expect(
      (await readFile(path.join(targetUploads, uploadNames[0]!))).equals(await readFile(path.join(sourceUploads, uploadNames[0]!))),
    ).toBe(true);
  }, 60_000);

  it('refuses a truncated or damaged archive with a clear message, before touching the database', async () => {
    await withClient(targetUrl, (c) => c.query(`DELETE FROM "User" WHERE email = $1`, [`backup-${run}@test.example`]));
    const before = await fingerprint(targetUrl);

    const truncated = path.join(work, 'truncated.tar');
    await copyFile(archive, truncated);
    await truncate(truncated, Math.floor((await stat(archive)).size / 2));
    const cut = await script('restore', [truncated, '--force'], { DATABASE_URL: targetUrl, UPLOADS_DIR: targetUploads });
    expect(cut.code).toBe(1);
    expect(cut.output).toContain('is not a complete backup archive');

    // Bytes changed inside the dump: tar cannot tell, the manifest's checksum can.
    const damaged = path.join(work, 'damaged.tar');
    await copyFile(archive, damaged);
    const dumpAt = (await readFile(archive)).indexOf('PGDMP'); // the custom format's magic
    expect(dumpAt).toBeGreaterThan(0);
    const file = await open(damaged, 'r+');
    await file.write(Buffer.from('damage'), 0, 6, dumpAt + 2_000);
    await file.close();
    const broken = await script('restore', [damaged, '--force'], { DATABASE_URL: targetUrl, UPLOADS_DIR: targetUploads });
    expect(broken.code).toBe(1);
    expect(broken.output).toContain('is damaged: its database dump does not match the checksum in its manifest');

    const notTar = path.join(work, 'not-a-backup.tar');
    await writeFile(notTar, 'just text');
    const wrong = await script('restore', [notTar, '--force'], { DATABASE_URL: targetUrl, UPLOADS_DIR: targetUploads });
    expect(wrong.code).toBe(1);
    expect(wrong.output).toContain('is not a complete backup archive');

    expect(await fingerprint(targetUrl)).toEqual(before);
  }, 60_000);

  it('never writes a backup over an existing file', async () => {
    const before = await readFile(archive);
    const result = await script('backup', [archive], { DATABASE_URL: sourceUrl, UPLOADS_DIR: sourceUploads });
    expect(result.code).toBe(1);
    expect(result.output).toContain('already exists');
    expect((await readFile(archive)).equals(before)).toBe(true);
  }, 60_000);
});

/** One member of a tar archive, read with the same tar the scripts use. */
function readTarMember(file: string, member: string) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn('tar', ['--extract', '--to-stdout', `--file=${file}`, member], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`tar exited with ${code}`))));
  });
}
