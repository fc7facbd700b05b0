// A worker thread of lib/markdown/pool.ts: runs one task at a time and answers with its result.
import { parentPort } from 'node:worker_threads';
import { NestingError } from '@/lib/markdown/limits';
import { markdownTasks, type MarkdownTaskName } from '@/lib/markdown/tasks';

type Request = { id: number; task: MarkdownTaskName; args: unknown[] };

parentPort?.on('message', ({ id, task, args }: Request) => {
  try {
    const run = markdownTasks[task] as (...a: unknown[]) => unknown;
    parentPort?.postMessage({ id, ok: true, result: run(...args) });
  } catch (error) {
    // Deep nesting (thousands of `>`) overflows the parser's recursion: the text is refused.
    const tooDeep = error instanceof NestingError || (error instanceof RangeError && /call stack/i.test(error.message));
    parentPort?.postMessage({ id, ok: false, tooDeep, message: error instanceof Error ? error.message : String(error) });
  }
});

parentPort?.postMessage('ready');
