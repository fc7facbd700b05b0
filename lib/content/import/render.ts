import { availableParallelism } from 'node:os';
import { prepareLocalization, sourceBlockHashes } from '@/lib/content/prepare';
import { createMarkdownPool } from '@/lib/markdown/pool';
import type { RenderedLocalization, Renderer } from './types';

export type RenderRequest = { input: { title: string; summary: string | null; body: string }; withBlockHashes: boolean };

/** The site's own pipeline (lib/content/prepare), plus the per-block hashes of an original. */
export function renderLocalization({ input, withBlockHashes }: RenderRequest): RenderedLocalization {
  const prepared = prepareLocalization(input);
  return withBlockHashes ? { ...prepared, blockHashes: sourceBlockHashes(prepared.body) } : prepared;
}

export type RenderPool = { render: Renderer; close(): Promise<void>; threads: number };

/**
 * Renders on the Markdown worker threads (one per core by default), each file within
 * `timeLimitMs`: a file that takes longer fails with that reason and the import goes on. 0 threads
 * renders in this thread, without a limit.
 */
export function createRenderPool(threads = availableParallelism(), timeLimitMs = 30_000): RenderPool {
  const pool = createMarkdownPool({ threads, timeLimitMs, maxQueue: Number.POSITIVE_INFINITY, memoryLimitMb: 512 });
  return {
    threads: pool.threads,
    render: (input, withBlockHashes) => (withBlockHashes ? pool.run('prepareSource', input) : pool.run('prepare', input)),
    close: () => pool.close(),
  };
}
