// `npm run uploads:prune` as an operator runs it: a child process against the test database and a
// scratch uploads folder.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { db } from '@/lib/db';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const name = () => `${randomBytes(16).toString('hex')}.webp`;
const slug = `prune-${randomUUID().slice(0, 8)}`;
const inUse = name();
const oldUnused = name();
const youngUnused = name();
const notAnUpload = 'notes.txt';
let dir: string;

function prune(args: string[] = []) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'uploads-prune.mjs'), ...args], {
      cwd: root,
      env: { ...process.env, UPLOADS_DIR: dir },
    });
    let output = '';
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'qiao-prune-'));
  const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
  for (const file of [inUse, oldUnused, youngUnused, notAnUpload]) await writeFile(path.join(dir, file), 'image bytes');
  for (const file of [inUse, oldUnused, notAnUpload]) await utimes(path.join(dir, file), twoHoursAgo, twoHoursAgo);
  await db.post.create({ data: { slug, sourceLocale: 'en', thumbnail: `/uploads/${inUse}` } });
});

afterAll(async () => {
  await db.post.deleteMany({ where: { slug } });
  await rm(dir, { recursive: true, force: true });
});

it('with --dry-run, names the unused image and removes nothing', async () => {
  const { code, output } = await prune(['--dry-run']);
  expect(code).toBe(0);
  expect(output).toContain(`would remove ${oldUnused}`);
  expect((await readdir(dir)).sort()).toEqual([inUse, oldUnused, youngUnused, notAnUpload].sort());
});

it('removes an old image nothing points to, and keeps the one in use, a new one and other files', async () => {
  const { code, output } = await prune();
  expect(code).toBe(0);
  expect(output).toContain(`removed ${oldUnused}`);
  expect((await readdir(dir)).sort()).toEqual([inUse, youngUnused, notAnUpload].sort());
});
