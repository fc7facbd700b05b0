// Several instances of the portal behind nginx, sharing PostgreSQL and Redis: what `npm run
// cluster` runs on loopback, and what the cluster tests and the benchmark start. Everything it
// starts (Redis unless REDIS_URL is given, the instances, nginx) is a child process it stops.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bin, root } from './database.mjs';
import { freePort, waitForHttp } from './net.mjs';
import { nextStart } from './next-start.mjs';

export { freePort, waitForHttp };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function which(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim() || null;
}

function stopChild(child, signal = 'SIGTERM') {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/** A Redis server of its own, keeping nothing on disk; stop() and start() again on the same port. */
export async function startRedis({ port } = {}) {
  const server = which('redis-server');
  if (!server) throw new Error('redis-server is not installed (Debian: apt-get install redis-server), or set REDIS_URL');
  const redisPort = port ?? (await freePort());
  let child = null;
  const redis = {
    url: `redis://127.0.0.1:${redisPort}`,
    port: redisPort,
    async start() {
      child = spawn(server, ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      for (let i = 0; i < 50; i++) {
        if (spawnSync('redis-cli', ['-p', String(redisPort), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG') return;
        await sleep(100);
      }
      throw new Error(`redis-server did not start on port ${redisPort}`);
    },
    stop: () => stopChild(child),
  };
  await redis.start();
  return redis;
}

/**
 * deploy/nginx.conf, made to run unprivileged on loopback: its listen address, upstreams, and
 * every path (pid, logs, cache, temporary files) moved into `dir`.
 */
export function loopbackNginxConf({ port, appPorts, dir, edgeLimits = true, extra = '' }) {
  const user = os.userInfo();
  let conf = readFileSync(path.join(root, 'deploy', 'nginx.conf'), 'utf8');
  const swap = (from, to) => {
    if (!conf.includes(from)) throw new Error(`deploy/nginx.conf no longer contains "${from}"`);
    conf = conf.replace(from, to);
  };
  // As root, nginx's workers would otherwise switch to www-data, which cannot write in `dir`.
  swap('user www-data;', user.uid === 0 ? 'user root;' : '');
  swap('pid /run/nginx-qiao.pid;', `pid ${dir}/nginx.pid;`);
  swap('error_log /var/log/nginx/qiao-error.log warn;', `error_log ${dir}/error.log warn;`);
  swap('access_log /var/log/nginx/qiao-access.log qiao_json;', `access_log ${dir}/access.log qiao_json;`);
  swap('/var/cache/nginx/qiao', `${dir}/cache`);
  swap('listen 80;', `listen 127.0.0.1:${port};`);
  conf = conf.replace(/^(\s*)server 127\.0\.0\.1:3001 (.*)\n\s*server 127\.0\.0\.1:3002 .*\n/m, (_, indent, rest) =>
    appPorts.map((p) => `${indent}server 127.0.0.1:${p} ${rest}\n`).join(''),
  );
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t}_temp;`).join('\n');
  swap('http {\n', `http {\n${temp}\n`);
  // The benchmark's load comes from one address: the per-address limits would refuse most of it.
  if (!edgeLimits) conf = conf.replace(/^\s*limit_(req|conn) [^\n]*\n/gm, '');
  // More server blocks, inside http { }: the benchmark's static file and uncached routes.
  if (extra) conf = conf.replace(/\}\s*$/, `${extra}\n}\n`);
  return conf;
}

async function startNginx({ port, appPorts, dir, edgeLimits, extra }) {
  const nginx = which('nginx') ?? (which('/usr/sbin/nginx') && '/usr/sbin/nginx');
  if (!nginx) throw new Error('nginx is not installed (Debian: apt-get install nginx-light)');
  rmSync(path.join(dir, 'cache'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'cache'), { recursive: true });
  const file = path.join(dir, 'nginx.conf');
  writeFileSync(file, loopbackNginxConf({ port, appPorts, dir, edgeLimits, extra: typeof extra === 'function' ? extra(appPorts) : extra }));
  const check = spawnSync(nginx, ['-t', '-q', '-p', dir, '-c', file], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t refused ${file}:\n${check.stderr}${check.stdout}`);
  const child = spawn(nginx, ['-p', dir, '-c', file, '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
  return {
    child,
    stop: () => stopChild(child, 'SIGQUIT'),
  };
}

/**
 * Starts `instances` production servers of the build in `distDir` and nginx in front of them.
 * The instances share DATABASE_URL, Redis, the session secret and the server-actions key.
 */
export async function startCluster({
  databaseUrl,
  distDir = '.next',
  instances = 2,
  port,
  redisUrl = process.env.REDIS_URL,
  secret = process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString('base64url'),
  actionsKey = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
  env: extraEnv = {},
  dir = path.join(root, '.data', 'cluster'),
  log = (msg) => process.stderr.write(`[cluster] ${msg}\n`),
  quiet = false,
  edgeLimits = true,
  nginxExtra = '',
}) {
  mkdirSync(dir, { recursive: true });
  const stops = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    stops.length = 0;
  };
  try {
    const redis = redisUrl ? { url: redisUrl, port: null, start: async () => {}, stop: async () => {} } : await startRedis();
    if (!redisUrl) stops.push(() => redis.stop());
    log(`Redis ${redis.url}`);

    const nginxPort = port ?? (await freePort());
    const siteUrl = extraEnv.SITE_URL ?? `http://127.0.0.1:${nginxPort}`;
    const appPorts = await Promise.all(Array.from({ length: instances }, () => freePort()));
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      SITE_URL: siteUrl,
      NEXTAUTH_URL: siteUrl,
      NEXTAUTH_SECRET: secret,
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: actionsKey,
      QIAO_DIST_DIR: distDir,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      ...extraEnv,
    };
    const apps = appPorts.map((appPort, i) => {
      const app = {
        name: String.fromCharCode(65 + i),
        port: appPort,
        url: `http://127.0.0.1:${appPort}`,
        child: null,
        start() {
          // With `quiet`, each instance's output goes to app-<name>.log in `dir` instead.
          const out = quiet ? openSync(path.join(dir, `app-${app.name}.log`), 'a') : 'inherit';
          // nginx, on loopback, is the proxy whose X-Forwarded-For they believe.
          const listen = nextStart({ port: appPort, host: '127.0.0.1', trustedProxies: 'loopback' });
          app.child = spawn(bin('next'), listen.args, {
            cwd: root,
            stdio: ['ignore', out, out],
            env: { ...env, ...listen.env },
          });
          if (quiet) closeSync(out);
          return waitForHttp(`${app.url}/api/health`, app.child);
        },
        stop: (signal) => stopChild(app.child, signal),
      };
      stops.push(() => app.stop());
      return app;
    });
    await Promise.all(apps.map((app) => app.start()));
    log(`instances ${apps.map((a) => `${a.name} ${a.url}`).join(', ')}`);

    const nginx = await startNginx({ port: nginxPort, appPorts, dir, edgeLimits, extra: nginxExtra });
    stops.push(() => nginx.stop());
    await waitForHttp(`http://127.0.0.1:${nginxPort}/api/health`, nginx.child, 15_000);
    log(`nginx ${siteUrl} (logs and cache in ${path.relative(root, dir)})`);

    return { url: `http://127.0.0.1:${nginxPort}`, siteUrl, apps, redis, nginx, dir, env, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
