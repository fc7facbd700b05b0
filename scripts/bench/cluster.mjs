// The portal as deployed: two instances of the build behind nginx (deploy/nginx.conf) with the
// page cache in Redis. Measures, in one run against one nginx:
// - the post page from nginx's cache, for a visitor without a session, against nginx serving the
//   same bytes from a file;
// - the post page without nginx's cache, balanced over two instances, against one instance
//   (both through nginx, so that the only difference is the number of instances).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startCluster } from '../lib/cluster.mjs';
import { measure, warm } from './load.mjs';

const proxied = (upstream) => `
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_pass http://${upstream};`;

export async function runClusterBench({ databaseUrl, secret, distDir, postPath, connections, duration, step }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'qiao-bench-cluster-'));
  mkdirSync(path.join(dir, 'static'), { recursive: true });
  const [staticPort, twoPort, onePort] = await Promise.all([freePort(), freePort(), freePort()]);
  const extra = (appPorts) => `
  upstream qiao_bench_one {
    server 127.0.0.1:${appPorts[0]};
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${staticPort};
    location / { root ${dir}/static; }
  }
  server {
    listen 127.0.0.1:${twoPort};
    location / {${proxied('qiao_app')}
    }
  }
  server {
    listen 127.0.0.1:${onePort};
    location / {${proxied('qiao_bench_one')}
    }
  }`;
  step('cluster: Redis, two instances, nginx');
  const cluster = await startCluster({
    databaseUrl,
    distDir,
    secret,
    dir: path.join(dir, 'cluster'),
    quiet: true,
    edgeLimits: false,
    nginxExtra: extra,
    log: (msg) => step(msg),
  });
  try {
    const cachedUrl = `${cluster.url}${postPath}`;
    // Until nginx has the page: the first requests fill Redis and nginx's cache.
    for (let i = 0; i < 50; i++) {
      const res = await fetch(cachedUrl);
      const body = Buffer.from(await res.arrayBuffer());
      if (res.headers.get('x-cache-status') === 'HIT') {
        writeFileSync(path.join(dir, 'static', 'post.html'), body);
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const staticUrl = `http://127.0.0.1:${staticPort}/post.html`;
    const pages = [
      { name: 'post page, nginx cache', url: cachedUrl },
      { name: 'same bytes, nginx static file', url: staticUrl },
      { name: 'post page, no nginx cache, 2 instances', url: `http://127.0.0.1:${twoPort}${postPath}` },
      { name: 'post page, no nginx cache, 1 instance', url: `http://127.0.0.1:${onePort}${postPath}` },
    ];
    const load = [];
    for (const page of pages) {
      await warm(page.url);
      const runs = [];
      for (const c of connections) {
        step(`${page.name}, ${c} connections, ${duration} s`);
        runs.push(await measure(page.url, { connections: c, duration }));
      }
      load.push({ name: page.name, runs });
    }
    const at = (name, c) => load.find((l) => l.name === name).runs.find((r) => r.connections === c);
    const ratio = (a, b) => (b ? Math.round((a / b) * 100) / 100 : null);
    const comparison = connections.map((c) => ({
      connections: c,
      cachedVsStatic: ratio(at('post page, nginx cache', c).requestsPerSecond, at('same bytes, nginx static file', c).requestsPerSecond),
      twoVsOne: ratio(
        at('post page, no nginx cache, 2 instances', c).requestsPerSecond,
        at('post page, no nginx cache, 1 instance', c).requestsPerSecond,
      ),
    }));
    return { load, comparison };
  } finally {
    await cluster.stop();
    // BENCH_KEEP_DB=1 keeps nginx's and the instances' logs too.
    if (process.env.BENCH_KEEP_DB === '1') step(`kept the cluster's logs in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
