// `npm test`: typecheck, lint, unit tests, integration tests against a real PostgreSQL,
// Playwright end-to-end tests in Chromium against a production build, and the cluster tests (two
// instances of that build behind nginx, sharing Redis). Every run works on fresh
// databases (on DATABASE_URL's server, or the embedded one) and drops them at the end.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bin, migrate, openScratchDatabase, root, run } from './lib/database.mjs';
import { startMailCatcher } from './lib/mail-catcher.mjs';
import { checkMinimumVersions } from './lib/minimum-versions.mjs';
import { sourceHash } from './lib/build.mjs';
import { startCluster } from './lib/cluster.mjs';
import { nextStart } from './lib/next-start.mjs';
import { freePort, waitForHttp } from './lib/net.mjs';
import pg from 'pg';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const want = (stage) => !only || only === stage;
// `node scripts/test.mjs --only e2e -- tests/e2e/auth.spec.ts`: what follows `--` goes to Playwright.
const playwrightArgs = process.argv.includes('--') ? process.argv.slice(process.argv.indexOf('--') + 1) : [];
const started = Date.now();
const step = (name) => process.stderr.write(`\n[test] ── ${name} (${Math.round((Date.now() - started) / 1000)} s)\n`);

async function cloneDatabase(templateUrl, suffix) {
  const template = new URL(templateUrl);
  const name = `${template.pathname.slice(1)}_${suffix}`;
  const admin = new URL(templateUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template.pathname.slice(1)}"`);
  await client.end();
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Fails on a high or critical advisory in a production dependency. When the registry's advisory
 * service cannot be asked (this workplace's registry mirror answers 405), says so and goes on:
 * nothing was checked, and the log shows it.
 */
async function auditDependencies() {
  const output = await new Promise((resolve) => {
    const child = spawn('npm', ['audit', '--omit=dev', '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', () => resolve(out));
    child.on('error', () => resolve(''));
  });
  let report;
  try {
    report = JSON.parse(output);
  } catch {
    report = null;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const why = report?.message ?? 'no answer';
    process.stderr.write(`[test] npm audit NOT CHECKED: the advisory service could not be asked (${why})\n`);
    return;
  }
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  process.stderr.write(`[test] npm audit: ${JSON.stringify(counts)}\n`);
  if (serious > 0) throw new Error(`npm audit found ${serious} high or critical advisories in production dependencies`);
}

const cleanups = [];
let failed = false;
try {
  if (want('static')) {
    step('typecheck');
    await run('npm', ['run', '--silent', 'typecheck']);
    step('lint');
    await run(bin('eslint'), ['.', '--max-warnings=0']);
    step('npm audit of the production dependencies');
    await auditDependencies();
    step('minimum versions of the production dependencies');
    const old = checkMinimumVersions(root);
    for (const o of old) process.stderr.write(`[test] ${o.path} is ${o.version}, below the minimum ${o.minimum} (scripts/security/minimum-versions.json)\n`);
    if (old.length) throw new Error(`${old.length} production dependencies are older than their pinned minimum`);
  }
  if (want('unit')) {
    step('unit tests');
    await run(bin('vitest'), ['run', '--project', 'unit']);
  }
  if (want('integration') || want('e2e') || want('cluster')) {
    step('fresh database');
    const template = await openScratchDatabase('qiao_test');
    cleanups.push(() => template.drop());
    await migrate(template.url);

    if (want('integration')) {
      step('integration tests');
      const db = await cloneDatabase(template.url, 'int');
      cleanups.unshift(() => db.drop());
      await run(bin('vitest'), ['run', '--project', 'integration'], { env: { DATABASE_URL: db.url } });
    }

    // One production build, made against the end-to-end database, serves the end-to-end and the
    // cluster stages.
    const distDir = process.env.QIAO_DIST_DIR || '.next-test';
    let e2e;
    if (want('e2e') || want('cluster')) {
      const db = await cloneDatabase(template.url, 'e2e');
      cleanups.unshift(() => db.drop());
      const port = await freePort();
      const siteUrl = `http://127.0.0.1:${port}`;
      // The app sends real mail (password resets) to a catcher the tests read through MAIL_CATCHER_URL.
      const mail = await startMailCatcher();
      cleanups.unshift(() => mail.stop());
      const env = {
        DATABASE_URL: db.url,
        SITE_URL: siteUrl,
        NEXTAUTH_URL: siteUrl,
        NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
        SMTP_URL: mail.smtpUrl,
        NODE_ENV: 'production',
        // A run started with its own build folder keeps it, so parallel runs do not share one.
        QIAO_DIST_DIR: distDir,
      };
      step('demo content');
      await run(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'prisma/seed.ts'], { env });
      // QIAO_REUSE_BUILD=1 (for running a few specs again while working) keeps a build of these
      // very sources; a test run on its own always builds.
      const builtId = path.join(root, distDir, 'BUILD_ID');
      if (process.env.QIAO_REUSE_BUILD === '1' && existsSync(builtId) && readFileSync(builtId, 'utf8').trim() === sourceHash().slice(0, 24)) {
        step(`production build: reusing ${distDir}`);
      } else {
        step('production build');
        await run(bin('next'), ['build'], { env, quiet: true });
      }
      e2e = { port, siteUrl, mail, env };
    }

    if (want('e2e')) {
      const { port, siteUrl, mail, env } = e2e;
      step(`production server on ${siteUrl}`);
      // The tests stand in for the proxy in front: they choose each browser's address (X-Forwarded-For).
      const listen = nextStart({ port, host: '127.0.0.1', trustedProxies: 'loopback' });
      const server = spawn(bin('next'), listen.args, {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...env, ...listen.env, NEXT_TELEMETRY_DISABLED: '1' },
      });
      // Shown as before, and kept in a file the tests read (SERVER_LOG) to check what the app logs.
      const serverLog = path.join(tmpdir(), `qiao-e2e-server-${port}.log`);
      const logFile = createWriteStream(serverLog);
      server.stdout.on('data', (chunk) => (process.stdout.write(chunk), logFile.write(chunk)));
      server.stderr.on('data', (chunk) => (process.stderr.write(chunk), logFile.write(chunk)));
      cleanups.unshift(() => new Promise((resolve) => logFile.end(() => resolve(rmSync(serverLog, { force: true })))));
      const stopServer = async () => {
        if (server.exitCode === null) {
          server.kill('SIGTERM');
          await new Promise((r) => server.once('exit', r));
        }
      };
      cleanups.unshift(stopServer);
      await waitForHttp(`${siteUrl}/en`, server);
      step('end-to-end tests');
      try {
        await run(bin('playwright'), ['test', ...playwrightArgs], { env: { ...env, BASE_URL: siteUrl, MAIL_CATCHER_URL: mail.httpUrl, SERVER_LOG: serverLog } });
      } finally {
        await stopServer();
      }
    }

    if (want('cluster')) {
      const db = await cloneDatabase(template.url, 'cluster');
      cleanups.unshift(() => db.drop());
      step('cluster: Redis, two instances, nginx');
      const dir = mkdtempSync(path.join(tmpdir(), 'qiao-cluster-'));
      cleanups.unshift(() => rmSync(dir, { recursive: true, force: true }));
      const cluster = await startCluster({ databaseUrl: db.url, distDir, dir, log: (msg) => process.stderr.write(`[test] ${msg}\n`) });
      cleanups.unshift(() => cluster.stop());
      step('cluster tests');
      await run(bin('playwright'), ['test', '--config', 'playwright.cluster.config.ts', ...(only === 'cluster' ? playwrightArgs : [])], {
        env: {
          DATABASE_URL: db.url,
          CLUSTER_URL: cluster.url,
          CLUSTER_INSTANCES: cluster.apps.map((app) => app.url).join(','),
          CLUSTER_REDIS_PORT: String(cluster.redis.port),
          // The fault tests start a cluster of their own from the same build.
          QIAO_DIST_DIR: distDir,
        },
      });
    }
  }
} catch (error) {
  failed = true;
  process.stderr.write(`\n[test] FAILED: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
} finally {
  for (const cleanup of cleanups) {
    try {
      await cleanup();
    } catch (error) {
      process.stderr.write(`[test] cleanup: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
}
step(failed ? 'done, with failures' : 'done, all passed');
process.exit(failed ? 1 : 0);
