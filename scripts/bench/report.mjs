// Targets, the printed report and the JSON copy under bench-results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from '../lib/database.mjs';

const KB = 1000;
const kb = (bytes) => `${(bytes / KB).toFixed(1)} kB`;

/** Each target with the figure it is judged on; all latency targets apply at 10 connections. */
export function evaluateTargets(results) {
  const p99At10 = (name) => results.load.find((l) => l.name === name)?.runs.find((r) => r.connections === 10)?.p99;
  const latency = (name, limit) => {
    const actual = p99At10(name);
    const target = `${name}: p99 ≤ ${limit} ms at 10 connections`;
    if (actual == null) return { target, actual: 'no response', pass: false, overBy: 'no response within the run' };
    return { target, actual: `${actual} ms`, pass: actual <= limit, overBy: actual > limit ? `${actual - limit} ms` : null };
  };
  const { oneTag, fiftyTags } = results.queries;
  const importTarget = results.import
    ? [
        {
          target: `import of ${results.import.posts} posts with translations in < 60 s`,
          actual: `${results.import.seconds} s`,
          pass: results.import.seconds < 60,
          overBy: results.import.seconds >= 60 ? `${(results.import.seconds - 60).toFixed(1)} s` : null,
        },
      ]
    : [];
  const latencyTargets = results.load.length
    ? [latency('post page', 50), latency('listing page 1', 150), latency('listing page 300', 150), latency('search', 150)]
    : [];
  const clusterTargets = [];
  if (results.cluster) {
    const at50 = (name) => results.cluster.load.find((l) => l.name === name).runs.find((r) => r.connections === 50);
    const cached = at50('post page, nginx cache');
    const ratio = results.cluster.comparison.find((c) => c.connections === 50).cachedVsStatic;
    clusterTargets.push(
      {
        target: "post page from nginx's cache: ≥ 0.5× nginx serving the same file, at 50 connections",
        actual: `${ratio}× (${cached.requestsPerSecond} vs ${at50('same bytes, nginx static file').requestsPerSecond} req/s)`,
        pass: ratio >= 0.5,
        overBy: ratio < 0.5 ? `${(0.5 - ratio).toFixed(2)}×` : null,
      },
      {
        target: "post page from nginx's cache: p99 ≤ 10 ms at 50 connections",
        actual: cached.p99 == null ? 'no response' : `${cached.p99} ms`,
        pass: cached.p99 != null && cached.p99 <= 10,
        overBy: cached.p99 == null ? 'no response' : cached.p99 > 10 ? `${cached.p99 - 10} ms` : null,
      },
    );
  }
  const markdownTargets = results.markdown
    ? [
        {
          target: '/api/health: p99 ≤ 50 ms while 10 slow-to-parse previews run',
          actual: `${results.markdown.healthUnderLoad.p99} ms`,
          pass: results.markdown.healthUnderLoad.p99 <= 50,
          overBy: results.markdown.healthUnderLoad.p99 > 50 ? `${results.markdown.healthUnderLoad.p99 - 50} ms` : null,
        },
      ]
    : [];
  return [
    ...importTarget,
    ...latencyTargets,
    ...markdownTargets,
    ...clusterTargets,
    {
      target: `post page JS: ≤ ${kb(40 * KB)} gzip above Next's floor`,
      actual: kb(results.js.aboveFloor),
      pass: results.js.aboveFloor <= 40 * KB,
      overBy: results.js.aboveFloor > 40 * KB ? kb(results.js.aboveFloor - 40 * KB) : null,
    },
    {
      target: 'post page queries: same with 1 tag as with 50 tags',
      actual: `${oneTag.queries} vs ${fiftyTags.queries}`,
      // Zero means no `[qiao:query]` line arrived at all: the count proves nothing then.
      pass: oneTag.queries > 0 && oneTag.queries === fiftyTags.queries,
      overBy:
        oneTag.queries === 0
          ? 'no queries counted (is lib/db.ts still logging them?)'
          : oneTag.queries === fiftyTags.queries
            ? null
            : `${fiftyTags.queries - oneTag.queries} queries`,
    },
  ];
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells.map((c, i) => (typeof c === 'number' ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const LOAD_HEADER = ['page', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors'];

/** One table row per load run: `name` and what autocannon measured. */
function loadRows(name, runs) {
  return runs.map((r) => [
    name,
    r.connections,
    r.requestsPerSecond,
    r.p50 ?? '—',
    r.p99 ?? '—',
    r.requests,
    r.non2xx,
    r.errors + r.timeouts,
  ]);
}

export function formatReport(results) {
  const out = [];
  const { timings, data, machine } = results;
  out.push(`Qiao benchmark, ${results.startedAt}`);
  out.push(`${data.posts} posts × 2 languages, ${data.authors} authors, ${data.tags} tags; ${results.config.duration} s per run`);
  out.push(
    `machine: ${machine.cpus} CPUs, load average ${machine.loadBefore.join(' / ')} before, ${machine.loadAfter.join(' / ')} after; Node ${machine.node}`,
  );
  out.push(`seeding ${timings.seedSeconds} s, build ${timings.buildSeconds} s, whole run ${timings.totalSeconds} s`);
  if (results.import) {
    const i = results.import;
    out.push(
      `import: ${i.posts} posts + ${i.posts} translations in ${i.seconds} s (${i.postsPerSecond} posts/s), peak RSS ${i.peakRssMb} MB`,
    );
  }
  out.push('');
  out.push(
    table(
      LOAD_HEADER,
      results.load.flatMap((l) => loadRows(l.name, l.runs)),
    ),
  );
  if (results.translation) out.push('', ...formatTranslation(results.translation, data));
  if (results.cluster) out.push('', ...formatCluster(results.cluster));
  if (results.markdown) out.push('', ...formatMarkdown(results.markdown));
  out.push('');
  out.push(
    table(
      ['post page vs static server', 'conns', 'app/static req/s', 'app/static p99'],
      results.staticComparison.map((c) => [
        `${c.appRequestsPerSecond} vs ${c.staticRequestsPerSecond} req/s`,
        c.connections,
        c.throughputRatio,
        c.p99Ratio ?? '—',
      ]),
    ),
  );
  out.push('');
  out.push(
    table(
      ['queries per request (first, uncached render)', 'queries', 'status'],
      Object.values(results.queries).map((q) => [q.label, q.queries, `${q.status}${q.cache ? ` ${q.cache}` : ''}`]),
    ),
  );
  out.push(
    `search "${results.config.searchQuery}" matches ${results.searchMatches} published language versions; the fresh-search run cycles through the ${results.searchWords} most frequent words`,
  );
  out.push('');
  const { js } = results;
  out.push(
    `post page JavaScript (gzip -9): ${kb(js.total)} in ${js.scripts.length} scripts; Next's floor ${kb(js.floor)} (${js.rootMainFiles.length} root main files); above the floor ${kb(js.aboveFloor)}`,
  );
  for (const s of js.scripts.filter((x) => !x.floor)) out.push(`  ${kb(s.gzip).padStart(9)}  ${s.path}`);
  out.push('');
  out.push(
    table(
      ['target', 'actual', 'result'],
      results.targets.map((t) => [t.target, t.actual, t.pass ? 'met' : `MISSED by ${t.overBy}`]),
    ),
  );
  return out.join('\n');
}

function formatCluster(c) {
  return [
    'two instances behind nginx (deploy/nginx.conf), page cache in Redis; load from this machine',
    table(
      LOAD_HEADER,
      c.load.flatMap((l) => loadRows(l.name, l.runs)),
    ),
    ...c.comparison.map(
      (x) =>
        `${x.connections} connections: nginx cache / nginx static file ${x.cachedVsStatic}×; without nginx's cache, 2 instances / 1 instance ${x.twoVsOne}×`,
    ),
  ];
}

function formatMarkdown(m) {
  const health = (h) => `${h.requests} requests, p50 ${h.p50} ms, p99 ${h.p99} ms, max ${h.max} ms`;
  return [
    'Markdown built to be slow to parse, as an editor preview (200,000 characters each, one at a time)',
    table(['shape', 'chars', 'answered in ms', 'outcome'], m.shapes.map((s) => [s.name, s.chars, s.ms, s.outcome])),
    `/api/health alone: ${health(m.healthAlone)}`,
    `/api/health while 10 previews of "${m.worst}" run at once: ${health(m.healthUnderLoad)} (${m.concurrentPreviews} previews answered: ${m.outcomes.join(', ')})`,
  ];
}

function formatTranslation(t, data) {
  const saves = t.editorSave.map(
    (r) => `${r.connections} conns: ${r.outcomes.saved} saved, ${r.outcomes.conflict} conflicts, ${r.outcomes.other} other`,
  );
  const js = t.editorJs;
  return [
    `volunteers: ${data.volunteers} accounts, ${data.drafts} drafts, ${data.waitingPosts} posts waiting for Chinese, ${data.behindTranslations} translations behind`,
    table(
      ['volunteer page (each connection its own volunteer)', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors'],
      [
        ...loadRows('translation dashboard /zh/translate', t.dashboard),
        ...loadRows('editor save (server action, a real write)', t.editorSave),
      ],
    ),
    `editor saves: ${saves.join('; ')}`,
    `editor page JavaScript (gzip -9): ${kb(js.total)} in ${js.scripts.length} scripts; above Next's floor ${kb(js.aboveFloor)}; loaded only by the editor, never by a post page: ${kb(t.editorOnlyJs.gzip)} in ${t.editorOnlyJs.files} scripts`,
  ];
}

export function writeResults(results) {
  const dir = path.join(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${results.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
