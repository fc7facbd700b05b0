// Load generation with autocannon, and the plain static server the post page is compared with.
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';

/**
 * Requests/s, latency percentiles (ms) and failures of `connections` clients for `duration` s;
 * `path`, when given, names the path of each request in turn.
 */
export async function measure(url, { connections, duration, path }) {
  const requests = path ? [{ setupRequest: (request) => ({ ...request, path: path() }) }] : undefined;
  return summarize(await autocannon({ url, connections, duration, requests }), connections);
}

/** What the report keeps of an autocannon result. */
export function summarize(result, connections) {
  // With no response inside the run autocannon reports 0 ms; null says "none" instead.
  const answered = result.requests.total > 0;
  return {
    connections,
    requestsPerSecond: Math.round(result.requests.average),
    p50: answered ? result.latency.p50 : null,
    p99: answered ? result.latency.p99 : null,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** A few sequential requests (at most ~3 s of them), so that lazy loading and caches do not count against the first run. */
export async function warm(url, times = 20) {
  const until = Date.now() + 3000;
  for (let i = 0; i < times && Date.now() < until; i += 1) {
    const res = await fetch(url);
    await res.arrayBuffer();
  }
}

// Runs on its own thread so that it does not share an event loop with the load generator, as
// the app's server does not either.
const STATIC_SERVER = `
const { createServer } = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const body = Buffer.from(workerData.body);
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

/** Serves `body` for every request from a plain node:http server; returns its URL and a stop function. */
export async function startStaticServer(body) {
  const worker = new Worker(STATIC_SERVER, { eval: true, workerData: { body } });
  const port = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => worker.terminate() };
}
