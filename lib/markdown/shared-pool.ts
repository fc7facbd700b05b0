import 'server-only';
import { env } from '@/lib/env';
import { createMarkdownPool, type MarkdownPool } from '@/lib/markdown/pool';

const shared = globalThis as unknown as { qiaoMarkdownPool?: MarkdownPool };

/** The process's Markdown workers, started on first use and shared by every request. */
export function markdown(): MarkdownPool {
  return (shared.qiaoMarkdownPool ??= createMarkdownPool({ threads: env.MARKDOWN_THREADS, timeLimitMs: env.MARKDOWN_TIME_LIMIT_MS }));
}
