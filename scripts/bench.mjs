// `npm run bench`: seeds a scratch database with 10,000 bilingual posts, builds and starts the
// production app, and measures it: throughput and latency of the public pages under load, the
// queries one page costs, and the JavaScript a post page loads. A benchmark, not a test: it
// exits 0 whatever the figures, and non-zero only when the run itself breaks.
//
// BENCH_DURATION  seconds per load run (default 10)
// BENCH_POSTS     posts to seed (default 10000)
// BENCH_ONLY      'public', 'translation', 'markdown' (slow-to-parse previews) or 'cluster' (two
//                 instances behind nginx): skip the other load runs (the import bench runs with 'all')
// BENCH_KEEP_DB=1 leave the scratch database in place afterwards, e.g. for EXPLAIN ANALYZE
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import pg from 'pg';
import { migrate, openScratchDatabase } from './lib/database.mjs';
import { FIFTY_TAGS_SLUG, ONE_TAG_SLUG, postSlug, seedDatabase } from './bench/seed.mjs';
import { buildApp, DIST_DIR, freePort, queriesFor, runningEmbeddedServer, startServer } from './bench/server.mjs';
import { stopAll } from './bench/children.mjs';
import { measure, startStaticServer, warm } from './bench/load.mjs';
import { measurePageJs } from './bench/browser-js.mjs';
import { evaluateTargets, formatReport, writeResults } from './bench/report.mjs';
import { runImportBench } from './bench/import-bench.mjs';
import { runTranslationBench } from './bench/translation.mjs';
import { runClusterBench } from './bench/cluster.mjs';
import { runMarkdownBench } from './bench/markdown.mjs';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const POSTS = Number(process.env.BENCH_POSTS ?? 10_000);
const KEEP_DB = process.env.BENCH_KEEP_DB === '1';
const ONLY = process.env.BENCH_ONLY ?? 'all';
if (!['all', 'public', 'translation', 'markdown', 'cluster'].includes(ONLY))
  throw new Error(`BENCH_ONLY must be public, translation, markdown or cluster, not ${ONLY}`);
const CONNECTIONS = [10, 50];
// In every Chinese template, hence in every Chinese post: the broadest search a reader can make.
const SEARCH_QUERY = '模型';

const started = Date.now();
const seconds = (since) => Math.round((Date.now() - since) / 100) / 10;
const load = () => loadavg().map((l) => l.toFixed(2));
const step = (name) => process.stderr.write(`[bench] ${seconds(started)} s: ${name}\n`);

const cleanups = [];
let cleaning;
// Child processes (build, server) first: they hold the database open.
function cleanUp() {
  cleaning ??= (async () => {
    for (const cleanup of [stopAll, ...cleanups.reverse()]) {
      try {
        await cleanup();
      } catch (error) {
        process.stderr.write(`[bench] cleanup: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  })();
  return cleaning;
}
let interrupted = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    interrupted = signal;
    process.stderr.write(`\n[bench] ${signal}: cleaning up\n`);
    await cleanUp();
    process.exit(130);
  });
}

async function searchMatches(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM "PostLocalization" WHERE status = 'PUBLISHED' AND "searchVector" @@ plainto_tsquery('simple', $1)`,
      [SEARCH_QUERY],
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/** The volunteers' pages, on the same database and server: dashboard, editor saves, editor JS. */
async function benchTranslation(results, { server, database, env }) {
  results.translation = await runTranslationBench({
    server,
    databaseUrl: database.url,
    secret: env.NEXTAUTH_SECRET,
    distDir: DIST_DIR,
    connections: CONNECTIONS,
    duration: DURATION,
    step,
  });
  // What only the editor loads: none of it reaches a reader of a post.
  const postScripts = new Set(results.js.scripts.map((s) => s.path));
  const editorOnly = results.translation.editorJs.scripts.filter((s) => !postScripts.has(s.path));
  results.translation.editorOnlyJs = { files: editorOnly.length, gzip: editorOnly.reduce((sum, s) => sum + s.gzip, 0) };
}

/**
 * Words of the seeded posts, most frequent first: searching a different one on every request is
 * many visitors searching many things, each result page rendered afresh rather than from cache.
 */
async function searchWords(url, limit = 5000) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT word FROM ts_stat('SELECT "searchVector" FROM "PostLocalization"') WHERE length(word) > 1 ORDER BY ndoc DESC, word LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.word);
  } finally {
    await client.end();
  }
}

async function main() {
  const results = {
    startedAt: new Date(started).toISOString(),
    config: { posts: POSTS, duration: DURATION, connections: CONNECTIONS, searchQuery: SEARCH_QUERY, only: ONLY },
    machine: { cpus: availableParallelism(), node: process.version, loadBefore: load() },
    timings: {},
  };

  step('scratch database');
  if (!process.env.DATABASE_URL) {
    const shared = await runningEmbeddedServer();
    if (shared) {
      process.stderr.write('[bench] using the embedded PostgreSQL another command is running\n');
      process.env.DATABASE_URL = shared;
    }
  }
  const database = await openScratchDatabase('qiao_bench');
  cleanups.push(() => (KEEP_DB ? process.stderr.write(`[bench] kept the database: ${database.url}\n`) : database.drop()));
  await migrate(database.url);

  // Built before seeding, so that a broken build fails the run within a minute. No measured page
  // is prerendered at build time (posts render on first request), so it need not see the posts.
  const port = await freePort();
  const env = {
    DATABASE_URL: database.url,
    NODE_ENV: 'production',
    SITE_URL: `http://127.0.0.1:${port}`,
    // As in production, where next-auth refuses to run without one (the header asks for the session).
    NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
  };
  step(`production build into ${DIST_DIR}`);
  const buildStart = Date.now();
  await buildApp(env);
  results.timings.buildSeconds = seconds(buildStart);

  step(`seeding ${POSTS} posts`);
  const seedStart = Date.now();
  results.data = await seedDatabase(database.url, { posts: POSTS });
  results.timings.seedSeconds = seconds(seedStart);
  results.searchMatches = await searchMatches(database.url);
  const words = await searchWords(database.url);
  results.searchWords = words.length;

  step(`next start on port ${port}`);
  const server = await startServer({ port, env });
  const postPage = `${server.url}/en/blog/${postSlug(Math.floor(POSTS / 2))}`;
  const pages = [
    { name: 'post page', url: postPage },
    { name: 'listing page 1', url: `${server.url}/en/blog` },
    { name: 'listing page 300', url: `${server.url}/en/blog?page=300` },
    { name: 'search', url: `${server.url}/zh/search?q=${encodeURIComponent(SEARCH_QUERY)}` },
  ];
  let nextWord = 0;
  const freshSearch = {
    name: 'search, a new word each request',
    url: `${server.url}/zh/search`,
    path: () => `/zh/search?q=${encodeURIComponent(words[nextWord++ % words.length])}`,
  };

  step('queries per request');
  // A first post render loads code and opens connections; the probes below must not pay for it.
  await warm(`${server.url}/en/blog/${postSlug(2)}`, 1);
  const probe = async (label, url) => ({ label, ...(await queriesFor(server, url)) });
  results.queries = {
    oneTag: await probe(`post page, 1 tag (${ONE_TAG_SLUG})`, `${server.url}/en/blog/${ONE_TAG_SLUG}`),
    fiftyTags: await probe(`post page, 50 tags (${FIFTY_TAGS_SLUG})`, `${server.url}/en/blog/${FIFTY_TAGS_SLUG}`),
    listing: await probe('listing page 1', pages[1].url),
    search: await probe(`search "${SEARCH_QUERY}"`, pages[3].url),
  };

  // Visitors get the post from the ISR cache: render it once, then check that it is served from there.
  await warm(postPage, 3);
  const cached = await fetch(postPage);
  const postHtml = Buffer.from(await cached.arrayBuffer());
  results.postPageCache = cached.headers.get('x-nextjs-cache');
  if (results.postPageCache !== 'HIT')
    process.stderr.write(`[bench] the post page is not an ISR cache hit (x-nextjs-cache: ${results.postPageCache})\n`);

  step('JavaScript of the post page in Chromium');
  results.js = await measurePageJs(postPage, { distDir: DIST_DIR });

  const staticServer = await startStaticServer(postHtml);
  cleanups.push(() => staticServer.stop());
  results.load = [];
  const publicRuns = ONLY === 'all' || ONLY === 'public';
  for (const page of publicRuns ? [...pages, freshSearch, { name: 'static post HTML', url: staticServer.url }] : []) {
    if (!page.path) await warm(page.url);
    const runs = [];
    for (const connections of CONNECTIONS) {
      step(`${page.name}, ${connections} connections, ${DURATION} s`);
      runs.push(await measure(page.url, { connections, duration: DURATION, path: page.path }));
    }
    results.load.push({ name: page.name, url: page.url.replace(server.url, ''), runs });
  }
  const runsOf = (name) => results.load.find((l) => l.name === name).runs;
  results.staticComparison = (results.load.length ? CONNECTIONS : []).map((connections, i) => {
    const app = runsOf('post page')[i];
    const plain = runsOf('static post HTML')[i];
    return {
      connections,
      appRequestsPerSecond: app.requestsPerSecond,
      staticRequestsPerSecond: plain.requestsPerSecond,
      throughputRatio: Math.round((app.requestsPerSecond / plain.requestsPerSecond) * 100) / 100,
      p99Ratio: app.p99 == null || plain.p99 == null ? null : Math.round((app.p99 / Math.max(plain.p99, 1)) * 10) / 10,
    };
  });

  if (ONLY === 'all' || ONLY === 'translation') await benchTranslation(results, { server, database, env });
  if (ONLY === 'all' || ONLY === 'markdown') {
    results.markdown = await runMarkdownBench({ server, databaseUrl: database.url, secret: env.NEXTAUTH_SECRET, distDir: DIST_DIR, step, seconds: DURATION * 2 });
  }

  await stopAll();
  if (ONLY === 'all' || ONLY === 'cluster') {
    results.cluster = await runClusterBench({
      databaseUrl: database.url,
      secret: env.NEXTAUTH_SECRET,
      distDir: DIST_DIR,
      postPath: new URL(postPage).pathname,
      connections: CONNECTIONS,
      duration: DURATION,
      step,
    });
  }

  // The importer gets a database of its own: it measures writing, not reading beside 10,000 posts.
  if (ONLY === 'all') {
    step('import of 1,000 posts with a translation each');
    const importDb = await openScratchDatabase('qiao_import_bench');
    cleanups.push(() => importDb.drop());
    results.import = await runImportBench({ databaseUrl: importDb.url, posts: Number(process.env.BENCH_IMPORT_POSTS ?? 1000) });
  }

  results.machine.loadAfter = load();
  results.targets = evaluateTargets(results);
  return results;
}

let exitCode = 0;
try {
  const results = await main();
  await cleanUp();
  results.timings.totalSeconds = seconds(started);
  process.stdout.write(`\n${formatReport(results)}\n`);
  process.stdout.write(`\nwritten to ${writeResults(results)}\n`);
} catch (error) {
  // After a signal, the step that was running fails as its process is stopped: not news.
  exitCode = interrupted ? 130 : 1;
  if (!interrupted) process.stderr.write(`[bench] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  await cleanUp();
}
process.exit(exitCode);
