import { runImport } from '@/lib/content/import/run-import';
import { createImportSink } from '@/lib/dal/import';
const conc = Number(process.argv[3] ?? 4);
const started = performance.now();
const { summary } = await runImport([process.argv[2]!], createImportSink({ kind: 'system', reason: 'import' }), {
  concurrency: conc,
  render: async (input, withBlockHashes) => ({ title: input.title, summary: 'x', body: input.body, html: '<p>x</p>', toc: [], readingMinutes: 1, searchTitle: input.title, searchText: 'a b c', ...(withBlockHashes ? { blockHashes: ['a'] } : {}) }),
});
console.log(JSON.stringify(summary), ((performance.now() - started) / 1000).toFixed(1), 's', 'cpu', (process.cpuUsage().user / 1e6).toFixed(1));
process.exit(0);
