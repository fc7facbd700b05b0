// Markdown built to be slow to parse, sent as a volunteer's editor preview (the server action an
// outside test froze the server with): how long each shape takes to be answered (rendered or
// refused), and how /api/health answers while ten of them run at once.
import { serverActionId } from '../lib/server-actions.mjs';
import { editableDrafts, sessionCookie } from './translation.mjs';

// At the size the preview accepts (lib/validations/translation.ts previewSchema).
const SIZE = 200_000;
const fill = (unit) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

export const SHAPES = {
  'real post (baseline)': fill('## A heading\n\nSome *text* with `code`, a [link](https://example.com) and $x^2$.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n'),
  'runs of *_': fill('*_'),
  'a* pairs': fill('a*'),
  'opening brackets [': fill('['),
  'quotes > (deep nesting)': fill('>'),
  'backticks': fill('`'),
  'angle brackets <': fill('<'),
  'nested lists': Array.from({ length: 3000 }, (_, i) => `${' '.repeat((i % 60) * 2)}- item`).join('\n').slice(0, SIZE),
  'long table': `| a | b |\n|---|---|\n${fill('| x | y |\n')}`.slice(0, SIZE),
};

async function preview({ url, actionId, cookie, markdown }) {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { cookie, origin: new URL(url).origin, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8', 'next-action': actionId, 'sec-fetch-dest': 'empty' },
    body: JSON.stringify([{ markdown }]),
  });
  const body = await res.text();
  const ms = Math.round(performance.now() - started);
  const refused = /FormErrors\.markdown(\w+)/.exec(body)?.[1];
  return { ms, status: res.status, outcome: res.status !== 200 ? `HTTP ${res.status}` : refused ? `refused (${refused})` : body.includes('"html"') ? 'rendered' : 'other' };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

/** /api/health one request at a time until `done`; latencies in ms. */
async function pollHealth(serverUrl, isDone) {
  const latencies = [];
  while (!isDone()) {
    const started = performance.now();
    await (await fetch(`${serverUrl}/api/health`)).arrayBuffer();
    latencies.push(performance.now() - started);
  }
  return latencies.sort((a, b) => a - b);
}

const summary = (sorted) => ({ requests: sorted.length, p50: Math.round(percentile(sorted, 50)), p99: Math.round(percentile(sorted, 99)), max: Math.round(sorted.at(-1)) });

export async function runMarkdownBench({ server, databaseUrl, secret, distDir, step, seconds = 20 }) {
  const [row] = await editableDrafts(databaseUrl, 1);
  const cookie = await sessionCookie(secret, { id: row.userId, email: row.email, name: row.name }, databaseUrl);
  const actionId = serverActionId(distDir, 'lib/actions/translation.ts', 'previewAction');
  const url = `${server.url}/zh/translate/${row.draftId}`;

  const shapes = [];
  for (const [name, markdown] of Object.entries(SHAPES)) {
    step(`markdown: ${name}`);
    shapes.push({ name, chars: markdown.length, ...(await preview({ url, actionId, cookie, markdown })) });
  }

  step('markdown: /api/health alone');
  let quiet = false;
  setTimeout(() => (quiet = true), 3000);
  const alone = summary(await pollHealth(server.url, () => quiet));

  const worst = shapes.filter((s) => s.name !== 'real post (baseline)').reduce((a, b) => (b.ms > a.ms ? b : a));
  step(`markdown: /api/health while 10 previews of "${worst.name}" run, ${seconds} s`);
  let stop = false;
  const answered = [];
  const sender = async () => {
    while (!stop) answered.push(await preview({ url, actionId, cookie, markdown: SHAPES[worst.name] }));
  };
  const senders = Array.from({ length: 10 }, sender);
  setTimeout(() => (stop = true), seconds * 1000);
  const underLoad = summary(await pollHealth(server.url, () => stop));
  await Promise.all(senders);
  return { shapes, worst: worst.name, healthAlone: alone, healthUnderLoad: underLoad, concurrentPreviews: answered.length, outcomes: [...new Set(answered.map((a) => a.outcome))] };
}
