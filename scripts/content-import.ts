// `npm run content:import -- <folder or file>... [--dry-run] [--locale xx] [--slug name]`
// Imports Markdown from a git checkout (the Hugging Face blog layout) or single files in any of
// the dialects in ../shared/seeds. Run through scripts/content.mjs, which finds the database.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRenderPool } from '@/lib/content/import/render';
import { formatReport, formatSummary, ProgressBar } from '@/lib/content/import/report';
import { runImport, UsageError } from '@/lib/content/import/run-import';
import type { FileReport } from '@/lib/content/import/types';
import { createImportSink } from '@/lib/dal/import';

const USAGE = `usage: npm run content:import -- <folder or file>... [options]

  <folder>          the Hugging Face blog layout: <slug>.md originals, <lang>/<slug>.md
                    translations, _blog.yml, _events.yml, _tags.yml (and Qiao's _authors.yml,
                    _directory/)
  <file>            one Markdown file in any dialect, any extension

  --dry-run         read and check everything, write nothing
  --locale <xx>     language of a single file, or of a folder's root files (default en)
  --slug <name>     slug of a single file (default: its file name)
  --verbose         a line per file even on a terminal
  --json            print the summary as JSON (for scripts and the benchmark)
  --threads <n>     rendering threads (default: one per core; 0 renders in the main thread)

Exit status: 0 when every file was imported or unchanged, 1 when any failed, 2 on bad usage.`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean' },
        locale: { type: 'string' },
        slug: { type: 'string' },
        verbose: { type: 'boolean' },
        json: { type: 'boolean' },
        threads: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // npm runs scripts from the package root; paths are meant relative to where it was typed.
  const base = process.env.INIT_CWD ?? process.cwd();
  const paths = positionals.map((p) => path.resolve(base, p));
  const shown = new Map(paths.map((p, i) => [p, positionals[i]!]));
  const dryRun = values['dry-run'] ?? false;
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 0)) {
    process.stderr.write(`--threads "${values.threads}" is not a whole number\n\n${USAGE}\n`);
    return 2;
  }

  const bar = process.stderr.isTTY && !values.verbose && !values.json ? new ProgressBar(process.stderr) : null;
  const print = (line: string) => (bar ? bar.log(line) : process.stdout.write(`${line}\n`));
  const onReport = (report: FileReport) => {
    const display = { ...report, path: shown.get(report.path) ?? report.path };
    bar?.tick(display.path);
    // On a terminal the bar shows progress, and only files that need a look get a line.
    if (values.json) return;
    if (!bar || display.outcome === 'failed' || display.warnings.length > 0 || display.outcome === 'updated') print(formatReport(display));
  };

  let announced = false;
  const pool = createRenderPool(threads);
  const started = performance.now();
  try {
    const { summary } = await runImport(paths, createImportSink({ kind: 'system', reason: 'import' }), {
      locale: values.locale,
      slug: values.slug,
      dryRun,
      render: pool.render,
      onExpect: (n) => {
        if (!announced && !values.json) process.stderr.write(`Importing ${positionals.join(', ')}${dryRun ? ' (dry run)' : ''}\n`);
        announced = true;
        bar?.expect(n);
      },
      onReport,
    });
    bar?.stop();
    const seconds = (performance.now() - started) / 1000;
    if (values.json) {
      const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
      process.stdout.write(`${JSON.stringify({ ...summary, seconds, peakRssMb, renderThreads: pool.threads })}\n`);
    } else {
      process.stdout.write(`${formatSummary(summary, seconds, dryRun)}\n`);
    }
    return summary.failed > 0 ? 1 : 0;
  } catch (error) {
    bar?.stop();
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  } finally {
    await pool.close();
  }
}

process.exit(await main());
