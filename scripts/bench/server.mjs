// The production build and server the benchmark measures, and the database it runs on.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { bin, root } from '../lib/database.mjs';
import { run, start, stop } from './children.mjs';
import { nextStart } from '../lib/next-start.mjs';
import { freePort } from '../lib/net.mjs';

export { freePort };

export const DIST_DIR = '.next-bench';

/**
 * The embedded PostgreSQL's address when another command (`npm start`, `npm test`) already runs
 * it: starting a second server on the same data folder would fail, so the benchmark then makes
 * its scratch database there instead. Same port and credentials as scripts/lib/database.mjs.
 */
export async function runningEmbeddedServer() {
  const url = `postgresql://postgres:postgres@127.0.0.1:${process.env.QIAO_EMBEDDED_PG_PORT ?? 54329}/postgres`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

// `next build` adds its dist folder's type globs to tsconfig.json and points next-env.d.ts at
// them. Those are edits for `.next-bench`, which nobody type-checks: undo them, but only when
// they are the sole change, so that an edit someone made meanwhile is never lost.
const withoutBenchTypes = (config) => ({ ...config, include: config.include?.filter((entry) => !entry.startsWith(`${DIST_DIR}/`)) });
const GENERATED_FILES = [
  ['tsconfig.json', (before, after) => isDeepStrictEqual(withoutBenchTypes(JSON.parse(after)), JSON.parse(before))],
  ['next-env.d.ts', (_before, after) => after.includes(`./${DIST_DIR}/`)],
];

function readOrNull(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

export async function buildApp(env) {
  const saved = GENERATED_FILES.map(([name, onlyOurs]) => ({
    file: path.join(root, name),
    onlyOurs,
    before: readOrNull(path.join(root, name)),
  }));
  try {
    await run(bin('next'), ['build'], { ...env, QIAO_DIST_DIR: DIST_DIR });
  } finally {
    for (const { file, onlyOurs, before } of saved) {
      const after = readOrNull(file);
      if (before === null || after === null || after === before) continue;
      let ours = false;
      try {
        ours = onlyOurs(before, after);
      } catch {
        // Not parseable (someone is editing it): leave it alone.
      }
      if (ours) writeFileSync(file, before);
      else process.stderr.write(`[bench] ${path.basename(file)} changed during the build; left as it is\n`);
    }
  }
}

/**
 * `next start` with every database query announced on stdout (QIAO_QUERY_LOG=1, lib/db.ts);
 * `queries` counts them so that a single request's queries can be told apart.
 */
export async function startServer({ port, env }) {
  const listen = nextStart({ port, host: '127.0.0.1' });
  const child = start(bin('next'), listen.args, {
    ...env,
    ...listen.env,
    QIAO_DIST_DIR: DIST_DIR,
    QIAO_QUERY_LOG: '1',
  });
  const server = {
    url: `http://127.0.0.1:${port}`,
    queries: 0,
    lastQueryAt: 0,
    stop: () => stop(child),
  };
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop();
    for (const line of lines) {
      if (line === '[qiao:query]') {
        server.queries += 1;
        server.lastQueryAt = Date.now();
      } else if (line.trim()) process.stderr.write(`[next] ${line}\n`);
    }
  });
  child.stderr.on('data', (chunk) => process.stderr.write(`[next] ${chunk}`));

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${server.url}/en/search`);
      await res.arrayBuffer();
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await server.stop();
  throw new Error('next start did not answer within 60 s');
}

/**
 * Fetches one URL with nothing else in flight and counts the queries the server ran for it.
 * Query lines travel through a pipe, the response through a socket: the count settles once no
 * line has arrived for a moment after the response ended.
 */
export async function queriesFor(server, url) {
  const before = server.queries;
  const res = await fetch(url, { redirect: 'manual' });
  await res.arrayBuffer();
  const ended = Date.now();
  while (Date.now() - Math.max(ended, server.lastQueryAt) < 300) await new Promise((r) => setTimeout(r, 50));
  return { status: res.status, cache: res.headers.get('x-nextjs-cache'), queries: server.queries - before };
}
