import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { expect, test } from '@playwright/test';
import autocannon from 'autocannon';
import { encode } from 'next-auth/jwt';
import pg from 'pg';
import { migrate, startPrivatePostgres } from '../../scripts/lib/database.mjs';
import { freePort, startCluster } from '../../scripts/lib/cluster.mjs';
import { serverActionId } from '../../scripts/lib/server-actions.mjs';

// Parts failing under a running cluster: this file starts its own PostgreSQL (to restart it), Redis
// and two instances behind nginx, from the build scripts/test.mjs made (QIAO_DIST_DIR).
const distDir = process.env.QIAO_DIST_DIR ?? '.next-test';

type Cluster = Awaited<ReturnType<typeof startCluster>>;
type Database = Awaited<ReturnType<typeof startPrivatePostgres>>;
type Volunteer = { id: string; email: string; draftId: string; cookie: string; acked: { version: number; blocks: string[] } };

let dir: string;
let database: Database;
let cluster: Cluster;

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = mkdtempSync(path.join(tmpdir(), 'qiao-faults-'));
  // As root, PostgreSQL runs as the "postgres" user, which must reach its data folder.
  chmodSync(dir, 0o755);
  database = await startPrivatePostgres({ dir: path.join(dir, 'db'), port: await freePort() });
  await migrate(database.url);
  cluster = await startCluster({ databaseUrl: database.url, distDir, dir: path.join(dir, 'cluster'), log: () => {}, quiet: true });
});

test.afterAll(async () => {
  await cluster?.stop();
  await database?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** A published English post and, for each volunteer, a claimed Chinese draft of it in progress. */
async function volunteersWithDrafts(count: number): Promise<Volunteer[]> {
  const tag = randomUUID().slice(0, 8);
  const postId = `f_post_${tag}`;
  const revisionId = `f_rev_${tag}`;
  await sql(`INSERT INTO "Post" ("id", "slug", "sourceLocale", "publishedAt", "updatedAt") VALUES ($1, $2, 'en', now(), now())`, [
    postId,
    `faults-${tag}`,
  ]);
  await sql(`INSERT INTO "SourceRevision" ("id", "postId", "locale", "body", "blockHashes") VALUES ($1, $2, 'en', $3, $4)`, [
    revisionId,
    postId,
    'One.\n\nTwo.',
    JSON.stringify(['a', 'b']),
  ]);
  const volunteers: Volunteer[] = [];
  for (let i = 0; i < count; i++) {
    const id = `f_user_${tag}_${i}`;
    const email = `faults-${tag}-${i}@example.org`;
    const draftId = `f_draft_${tag}_${i}`;
    await sql(`INSERT INTO "User" ("id", "email", "name", "role", "updatedAt") VALUES ($1, $2, $3, 'VOLUNTEER', now())`, [
      id,
      email,
      `Volunteer ${i}`,
    ]);
    // One open draft per post and language: each volunteer's draft is of a post of their own.
    const ownPost = `${postId}_${i}`;
    await sql(`INSERT INTO "Post" ("id", "slug", "sourceLocale", "publishedAt", "updatedAt") VALUES ($1, $2, 'en', now(), now())`, [
      ownPost,
      `faults-${tag}-${i}`,
    ]);
    await sql(
      `INSERT INTO "TranslationDraft" ("id", "postId", "locale", "translatorId", "status", "title", "blocks", "sourceRevisionId", "updatedAt")
       VALUES ($1, $2, 'zh', $3, 'IN_PROGRESS', '', $4, $5, now())`,
      [draftId, ownPost, id, JSON.stringify(['', '']), revisionId],
    );
    // Signed in as next-auth does it: a JWT naming a session row that the server checks.
    const sid = randomBytes(32).toString('base64url');
    await sql(`INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES ($1, $2, $3, now() + interval '1 day')`, [
      `f_session_${tag}_${i}`,
      createHash('sha256').update(sid).digest('hex'),
      id,
    ]);
    const token = await encode({
      secret: cluster.env.NEXTAUTH_SECRET!,
      token: { sub: id, email, name: `Volunteer ${i}`, role: 'VOLUNTEER', sessionVersion: 0, sid },
    });
    volunteers.push({
      id,
      email,
      draftId,
      cookie: `NEXT_LOCALE=zh; next-auth.session-token=${token}`,
      acked: { version: 1, blocks: ['', ''] },
    });
  }
  return volunteers;
}

/** The editor's autosave, as React's client sends it: a server action POST naming the version. */
async function save(base: string, actionId: string, v: Volunteer, blocks: string[]) {
  const res = await fetch(`${base}/zh/translate/${v.draftId}`, {
    method: 'POST',
    headers: {
      cookie: v.cookie,
      origin: base,
      accept: 'text/x-component',
      'content-type': 'text/plain;charset=UTF-8',
      'next-action': actionId,
      'sec-fetch-dest': 'empty',
    },
    body: JSON.stringify([{ draftId: v.draftId, baseVersion: v.acked.version, title: '标题', blocks }]),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await res.text();
  const saved = /"ok":true,"version":(\d+)/.exec(body);
  if (res.status === 200 && saved) v.acked = { version: Number(saved[1]), blocks };
  const conflict = /"conflict":\{[^}]*?"version":(\d+)/.exec(body);
  // A save that went through while its answer was lost: the next one names the newer version.
  if (conflict) v.acked = { version: Number(conflict[1]), blocks: v.acked.blocks };
  return res.status;
}

test('PostgreSQL restarted under load: clean errors, live processes, recovery without a restart, no acknowledged write lost', async () => {
  const volunteers = await volunteersWithDrafts(6);
  const actionId = serverActionId(distDir, 'lib/actions/translation.ts', 'saveDraftAction');
  const statuses = new Map<number, number>();
  const errorBodies: string[] = [];
  let stopLoad = false;
  const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);

  // Writers: each volunteer saves again and again, on one instance or the other.
  const writers = volunteers.map(async (v, i) => {
    for (let n = 1; !stopLoad; n++) {
      count(await save(cluster.apps[i % 2]!.url, actionId, v, [`第 ${n} 次`, `保存 ${n}`]).catch(() => 0));
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  // Readers: a search for a different word each time, which the page cache cannot answer, on both
  // instances at once (straight to them: nginx's per-address limit would refuse most of a load
  // coming from one address).
  let word = 0;
  const readers = cluster.apps.map((app) =>
    autocannon({
      url: app.url,
      connections: 4,
      duration: 9,
      requests: [
        {
          setupRequest: (request) => ({ ...request, path: `/en/search?q=w${(word += 1)}`, headers: { 'accept-language': 'en' } }),
          onResponse: (status) => count(status),
        },
      ],
    }),
  );
  // And a visitor through nginx, ten times a second: what the edge answers meanwhile.
  const edge = new Map<number, number>();
  const visitor = (async () => {
    for (let n = 0; !stopLoad; n++) {
      const status = await fetch(`${cluster.url}/en/search?q=edge${n}`).then(
        (r) => r.status,
        () => 0,
      );
      edge.set(status, (edge.get(status) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();

  await new Promise((r) => setTimeout(r, 2_500));
  await database.stop();
  // While the database is down, a page that needs it is the app's error page, not a dropped connection.
  const down = await fetch(`${cluster.apps[0]!.url}/en/search?q=during-the-outage`);
  expect(down.status).toBe(500);
  errorBodies.push(await down.text());
  const ready = await fetch(`${cluster.apps[0]!.url}/api/ready`);
  expect(ready.status).toBe(503);
  await new Promise((r) => setTimeout(r, 1_500));
  await database.start();

  const loads = await Promise.all(readers);
  stopLoad = true;
  await Promise.all([...writers, visitor]);

  // Both instances are the same processes, alive, and serve from the database again.
  for (const app of cluster.apps) {
    expect(app.child?.exitCode).toBeNull();
    await expect.poll(async () => (await fetch(`${app.url}/api/ready`)).status, { timeout: 15_000 }).toBe(200);
    const page = await fetch(`${app.url}/en/search?q=after-the-restart`);
    expect(page.status).toBe(200);
  }
  expect(errorBodies[0]).toContain('<html');
  // Not one connection refused or reset: every request got an answer, most of them pages.
  expect(loads.map((l) => l.errors)).toEqual([0, 0]);
  expect(statuses.get(0) ?? 0).toBe(0);
  expect(statuses.get(200) ?? 0).toBeGreaterThan(statuses.get(500) ?? 0);
  // nginx never had to report an instance gone (502, 504) nor dropped a visitor.
  expect([...edge.keys()].filter((status) => status !== 200 && status !== 500)).toEqual([]);

  // Every save the server acknowledged is in the database.
  for (const v of volunteers) {
    const [row] = await sql<{ version: number; blocks: string[] }>(`SELECT "version", "blocks" FROM "TranslationDraft" WHERE "id" = $1`, [
      v.draftId,
    ]);
    expect(row!.version).toBeGreaterThanOrEqual(v.acked.version);
    if (row!.version === v.acked.version) expect(row!.blocks).toEqual(v.acked.blocks);
  }
  // For the record: how the requests ended (status 0: no answer at all).
  console.log(
    `[faults] PostgreSQL restart under load, answers by status: instances ${JSON.stringify(Object.fromEntries(statuses))}, nginx ${JSON.stringify(Object.fromEntries(edge))}`,
  );
});

test('an instance killed during an editor save: the text stays in the editor and is saved once, when it is back', async ({ browser }) => {
  const [volunteer] = await volunteersWithDrafts(1);
  const b = cluster.apps[1]!;
  const context = await browser.newContext({ baseURL: b.url });
  const token = volunteer!.cookie.split('next-auth.session-token=')[1]!;
  await context.addCookies([
    { name: 'next-auth.session-token', value: token, url: b.url },
    { name: 'NEXT_LOCALE', value: 'zh', url: b.url },
  ]);
  const page = await context.newPage();
  await page.goto(`/zh/translate/${volunteer!.draftId}`);
  const block = page.getByRole('textbox', { name: '第 1 段，共 2 段，段落' });
  await expect(block).toBeVisible();

  // The first save reaches the instance just as it dies.
  let killed = false;
  await page.route(`**/zh/translate/${volunteer!.draftId}`, async (route) => {
    if (route.request().method() === 'POST' && !killed) {
      killed = true;
      await b.stop('SIGKILL');
    }
    await route.continue().catch(() => route.abort('connectionrefused'));
  });
  const text = '实例在保存时被终止，这段文字不能丢。';
  await block.fill(text);
  await expect(page.getByText('网络已断开，稍后自动重试')).toBeVisible({ timeout: 10_000 });
  await expect(block).toHaveValue(text);

  await b.start();
  await expect(page.getByText(/已于 .+ 保存/)).toBeVisible({ timeout: 20_000 });
  const [row] = await sql<{ version: number; blocks: string[] }>(`SELECT "version", "blocks" FROM "TranslationDraft" WHERE "id" = $1`, [
    volunteer!.draftId,
  ]);
  // One write: the draft went from version 1 to 2, with the text.
  expect(row).toEqual({ version: 2, blocks: [text, ''] });
  await page.reload();
  await expect(block).toHaveValue(text);
  await context.close();
});

function getOnNewConnection(url: string): Promise<{ status: number; body: string; at: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, at: Date.now() }));
      })
      .on('error', reject);
  });
}

test('SIGTERM: an instance answers the requests it has, then exits, while nginx sends new ones to the other', async () => {
  const a = cluster.apps[0]!;
  const child = a.child!;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Searches the page cache cannot answer: each takes a database round trip or more, each on a
  // connection of its own.
  const inFlight = Array.from({ length: 12 }, (_, i) =>
    getOnNewConnection(`${a.url}/en/search?q=graceful${i}`).then(
      (answer) => ({ ...answer, error: null }),
      (error: NodeJS.ErrnoException) => ({ status: 0, body: '', at: Date.now(), error: error.code ?? String(error) }),
    ),
  );
  await new Promise((r) => setTimeout(r, 50));
  const signalledAt = Date.now();
  child.kill('SIGTERM');
  const answers = await Promise.all(inFlight);
  const answered = answers.filter((x) => x.error === null);
  console.log(
    `[faults] SIGTERM with 12 requests sent: ${answered.length} answered, ${answered.filter((x) => x.at > signalledAt).length} of them after the signal`,
  );
  // Every request the server had begun is finished, with the whole page, and some were finished
  // after the signal. A connection whose request Node had not read yet is closed with the server
  // (a reset, before any byte of an answer): nginx asks the other instance then.
  expect(answered.every((x) => x.status === 200 && x.body.includes('</html>'))).toBe(true);
  expect(answered.some((x) => x.at > signalledAt)).toBe(true);
  expect(answers.filter((x) => x.error !== null).map((x) => x.error)).toEqual(Array(12 - answered.length).fill('ECONNRESET'));
  expect(await exited).toBe(143);
  // New connections to it are refused; nginx serves everything from the other instance.
  await expect(fetch(`${a.url}/api/health`)).rejects.toThrow();
  for (let i = 0; i < 6; i++) expect((await fetch(`${cluster.url}/en/search?q=after${i}`)).status).toBe(200);
  await a.start();
});
