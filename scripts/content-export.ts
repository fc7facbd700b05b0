// `npm run content:export -- <folder> [--locale xx]`: writes the site's published content back
// in the Hugging Face blog layout (see lib/content/export/run-export.ts), so that git can keep
// the community's backup. Run through scripts/content.mjs, which finds the database.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runExport } from '@/lib/content/export/run-export';
import { normalizeLocale } from '@/lib/content/import/names';
import { createExportSource } from '@/lib/dal/export';

const USAGE = `usage: npm run content:export -- <folder> [--locale <xx>]

  <folder>          created when missing; files already there with the same names are replaced
  --locale <xx>     the language whose posts sit at the root (default en)`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { locale: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const rootLocale = values.locale === undefined ? 'en' : normalizeLocale(values.locale);
  if (positionals.length !== 1 || !rootLocale) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const folder = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
  const started = performance.now();
  const result = await runExport(folder, createExportSource({ kind: 'system', reason: 'import' }), { rootLocale });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `exported ${result.posts} posts, ${result.translations} translations, ${result.events} events, ${result.directoryEntries} directory entries — ${result.files} files in ${positionals[0]} (${seconds} s)\n`,
  );
  return 0;
}

process.exit(await main());
