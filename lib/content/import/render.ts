import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { prepareLocalization, sourceBlockHashes } from '@/lib/content/prepare';
import type { RenderedLocalization, Renderer } from './types';

export type RenderRequest = { input: { title: string; summary: string | null; body: string }; withBlockHashes: boolean };

/** The site's own pipeline (lib/content/prepare), plus the per-block hashes of an original. */
export function renderLocalization({ input, withBlockHashes }: RenderRequest): RenderedLocalization {
  const prepared = prepareLocalization(input);
  return withBlockHashes ? { ...prepared, blockHashes: sourceBlockHashes(prepared.body) } : prepared;
}

export type RenderPool = { render: Renderer; close(): Promise<void>; threads: number };

type Pending = { resolve: (r: RenderedLocalization) => void; reject: (e: Error) => void };
type Reply = { id: number; ok: true; result: RenderedLocalization } | { id: number; ok: false; message: string };

/**
 * Renders on `threads` worker threads (one per core by default), or in this thread when 0 or
 * when workers cannot start (a runtime that cannot load the worker's TypeScript, such as Vitest).
 */
export function createRenderPool(threads = availableParallelism()): RenderPool {
  const inline: RenderPool = { render: async (input, withBlockHashes) => renderLocalization({ input, withBlockHashes }), close: async () => {}, threads: 0 };
  if (threads <= 0) return inline;

  const pending = new Map<number, Pending>();
  const load = new Map<Worker, Set<number>>();
  let nextId = 0;
  let broken = false;

  const start = () => {
    const worker = new Worker(new URL('./render-worker.ts', import.meta.url));
    load.set(worker, new Set());
    worker.on('message', (reply: Reply) => {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      load.get(worker)?.delete(reply.id);
      if (!waiting) return;
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(new Error(reply.message));
    });
    worker.on('error', () => {
      // The work it held is done again here, so one lost worker costs time, not files.
      broken = true;
      const ids = load.get(worker) ?? new Set<number>();
      load.delete(worker);
      for (const id of ids) pending.get(id)?.reject(new WorkerLost());
    });
    worker.unref();
  };
  try {
    for (let i = 0; i < threads; i += 1) start();
  } catch {
    return inline;
  }

  const render: Renderer = async (input, withBlockHashes) => {
    const workers = [...load.entries()];
    if (broken || workers.length === 0) return inline.render(input, withBlockHashes);
    const [worker, ids] = workers.reduce((best, w) => (w[1].size < best[1].size ? w : best));
    const id = nextId++;
    try {
      return await new Promise<RenderedLocalization>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        ids.add(id);
        worker.postMessage({ id, input, withBlockHashes });
      });
    } catch (error) {
      if (error instanceof WorkerLost) return inline.render(input, withBlockHashes);
      throw error;
    }
  };

  return {
    render,
    threads,
    async close() {
      await Promise.all([...load.keys()].map((w) => w.terminate()));
      load.clear();
    },
  };
}

class WorkerLost extends Error {}
