import { MAX_NESTING } from '@/lib/markdown/limits';
import { MarkdownLimitError } from '@/lib/markdown/pool';
import { ImportFileError } from './read-source';
import type { FileReport, ImportSink, Outcome, Renderer } from './types';

export type ImportContext = {
  sink: ImportSink;
  render: Renderer;
  dryRun: boolean;
  /** Posts in flight at once: enough to overlap rendering with database round trips, and few
   * enough that memory holds a handful of files, never the whole folder. */
  concurrency: number;
  /** Called once per path with the number of files it will report on. */
  expect(files: number): void;
  report(file: FileReport): void;
};

/** The report's "why" for anything thrown while importing one file. */
export function reasonOf(error: unknown): string {
  if (error instanceof ImportFileError) return error.message;
  if (error instanceof MarkdownLimitError) {
    return error.reason === 'tooDeep' ? `its Markdown nests quotes or lists more than ${MAX_NESTING} levels deep` : 'its Markdown is too complex to render within the time limit';
  }
  const message = error instanceof Error ? error.message : String(error);
  // Prisma errors span many lines of query context; the last line says what went wrong.
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  return `${error instanceof Error && error.name !== 'Error' ? `${error.name}: ` : ''}${lines.at(-1) ?? 'unknown error'}`;
}

export function failed(path: string, error: unknown, warnings: string[] = []): FileReport {
  return { path, outcome: 'failed', detail: reasonOf(error), warnings };
}

/** One outcome for a file that fed several rows: all new, all unchanged, or some change. */
export function combine(outcomes: Outcome[]): Outcome {
  if (outcomes.every((o) => o === 'unchanged')) return 'unchanged';
  if (outcomes.every((o) => o === 'imported')) return 'imported';
  return 'updated';
}

/** Runs `fn` over `items` with at most `limit` in flight, in order of start. */
export async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  });
  await Promise.all(lanes);
}
