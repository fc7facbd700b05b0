import { stat } from 'node:fs/promises';
import { failed, type ImportContext } from './context';
import { importSingleFile } from './import-file';
import { importFolder } from './import-folder';
import { normalizeLocale } from './names';
import { renderLocalization } from './render';
import type { FileReport, ImportSink, ImportSummary, Renderer } from './types';

export class UsageError extends Error {}

export type ImportOptions = {
  /** Language of a single file, or of a folder's root files (default `en`). */
  locale?: string;
  /** Slug of a single file. */
  slug?: string;
  dryRun?: boolean;
  concurrency?: number;
  /** Defaults to rendering in this thread; the CLI passes a worker pool. */
  render?: Renderer;
  onExpect?: (files: number) => void;
  onReport?: (report: FileReport) => void;
};

export type ImportRun = { reports: FileReport[]; summary: ImportSummary };

export function summarize(reports: FileReport[]): ImportSummary {
  const count = (outcome: FileReport['outcome']) => reports.filter((r) => r.outcome === outcome).length;
  return {
    files: reports.length,
    imported: count('imported'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    warned: reports.filter((r) => r.outcome !== 'failed' && r.warnings.length > 0).length,
    failed: count('failed'),
  };
}

/**
 * Imports folders in the Hugging Face blog layout and single files in any dialect. Every file
 * gets one report (imported, updated, unchanged or failed, with warnings); a bad file never
 * stops the others.
 */
export async function runImport(paths: string[], sink: ImportSink, options: ImportOptions = {}): Promise<ImportRun> {
  const locale = options.locale === undefined ? undefined : (normalizeLocale(options.locale) ?? undefined);
  if (options.locale !== undefined && !locale) throw new UsageError(`--locale "${options.locale}" is not a language code`);
  if (paths.length === 0) throw new UsageError('name a folder or a file to import');

  const kinds = await Promise.all(paths.map((p) => stat(p).then((s) => (s.isDirectory() ? 'folder' : 'file'), () => 'missing')));
  if (options.slug !== undefined && (paths.length !== 1 || kinds[0] !== 'file')) {
    throw new UsageError('--slug names the post of a single file; give exactly one file with it');
  }

  const reports: FileReport[] = [];
  const ctx: ImportContext = {
    sink,
    render: options.render ?? (async (input, withBlockHashes) => renderLocalization({ input, withBlockHashes })),
    dryRun: options.dryRun ?? false,
    concurrency: options.concurrency ?? 6,
    expect: (files) => options.onExpect?.(files),
    report: (report) => {
      reports.push(report);
      options.onReport?.(report);
    },
  };

  for (const [i, p] of paths.entries()) {
    const kind = kinds[i];
    if (kind === 'folder') await importFolder(p, locale ?? 'en', ctx);
    else if (kind === 'file') await importSingleFile(p, { locale, slug: options.slug }, ctx);
    else {
      ctx.expect(1);
      ctx.report(failed(p, new Error('no such file or folder')));
    }
  }
  return { reports, summary: summarize(reports) };
}
