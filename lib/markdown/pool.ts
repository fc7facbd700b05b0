// Markdown from users is parsed on worker threads with a time limit, so no text, however it is
// built, can hold up the thread that answers every other request: a job that runs too long is
// stopped by terminating its worker, and the caller gets a MarkdownLimitError to show the user.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { MarkdownTaskName, MarkdownTasks } from '@/lib/markdown/tasks';

/** Why a text was refused: it took too long, nested too deep, or needed too much memory. */
export class MarkdownLimitError extends Error {
  constructor(readonly reason: 'timeout' | 'tooDeep' | 'memory' | 'busy') {
    super(`markdown refused: ${reason}`);
  }
}

/** The message (messages/*.json) that tells the user why their text was refused. */
export function markdownRefusalKey(error: MarkdownLimitError): string {
  return error.reason === 'tooDeep' ? 'FormErrors.markdownTooDeep' : error.reason === 'busy' ? 'FormErrors.markdownBusy' : 'FormErrors.markdownTooComplex';
}

export type MarkdownPoolOptions = {
  /** Worker threads; 0 runs every task on the calling thread (no limit), for tests of pure code. */
  threads?: number;
  /** Per task, from the moment a worker takes it. */
  timeLimitMs?: number;
  /** Tasks waiting for a worker beyond this are refused at once ('busy'). */
  maxQueue?: number;
  memoryLimitMb?: number;
};

export type MarkdownPool = {
  run<K extends MarkdownTaskName>(task: K, ...args: Parameters<MarkdownTasks[K]>): Promise<ReturnType<MarkdownTasks[K]>>;
  close(): Promise<void>;
  readonly threads: number;
};

type Job = { task: MarkdownTaskName; args: unknown[]; resolve: (value: unknown) => void; reject: (error: Error) => void };
type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; tooDeep: boolean; message: string };
// A worker's time limit starts once it has loaded (its first message), not while it starts up.
type Slot = { worker: Worker; ready: boolean; job: (Job & { id: number; timer: NodeJS.Timeout }) | null };

// Under Vitest or tsx this module runs as TypeScript, and so must its worker: Node 20 does not
// apply `--import tsx` to a worker's entry, so the worker registers tsx itself before loading it.
// A production build bundles the worker (the `new Worker(new URL(…))` form is what it follows).
const typeScriptWorker = import.meta.url.endsWith('.ts') ? import.meta.url.replace(/[^/]+\.ts$/, 'worker.ts') : null;

function startWorker(memoryLimitMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryLimitMb, maxYoungGenerationSizeMb: 32 };
  if (typeScriptWorker) {
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(typeScriptWorker)}); })`;
    return new Worker(boot, { eval: true, resourceLimits });
  }
  return new Worker(new URL('./worker.ts', import.meta.url), { resourceLimits });
}

export function createMarkdownPool(options: MarkdownPoolOptions = {}): MarkdownPool {
  const threads = options.threads ?? Math.min(2, availableParallelism());
  const timeLimitMs = options.timeLimitMs ?? 4000;
  const maxQueue = options.maxQueue ?? 200;
  const memoryLimitMb = options.memoryLimitMb ?? 256;

  if (threads <= 0) {
    return {
      threads: 0,
      async run(task, ...args) {
        const { markdownTasks } = await import('@/lib/markdown/tasks');
        return (markdownTasks[task] as (...a: unknown[]) => never)(...args);
      },
      async close() {},
    };
  }

  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;

  const settle = (slot: Slot) => {
    const job = slot.job;
    if (job) clearTimeout(job.timer);
    slot.job = null;
    return job;
  };

  let failedStarts = 0;

  // A worker that was stopped, ran out of memory or crashed is replaced by a fresh one. Workers
  // that keep dying before they have loaded cannot run anything: what waits is refused, and the
  // next task starts them again.
  const replace = (slot: Slot) => {
    void slot.worker.terminate();
    if (closed) return;
    if (!slot.ready && (failedStarts += 1) >= 3) {
      for (const job of queue.splice(0)) job.reject(new Error('markdown workers cannot start'));
      slots.splice(slots.indexOf(slot), 1);
      return;
    }
    slot.worker = spawn(slot);
    dispatch();
  };

  const spawn = (slot: Slot): Worker => {
    const worker = startWorker(memoryLimitMb);
    worker.unref();
    slot.ready = false;
    worker.on('message', (reply: Reply | 'ready') => {
      if (slot.worker !== worker) return;
      if (reply === 'ready') {
        slot.ready = true;
        failedStarts = 0;
        return dispatch();
      }
      if (slot.job?.id !== reply.id) return;
      const job = settle(slot)!;
      if (reply.ok) job.resolve(reply.result);
      else job.reject(reply.tooDeep ? new MarkdownLimitError('tooDeep') : new Error(reply.message));
      dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (slot.worker !== worker) return;
      const job = settle(slot);
      job?.reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new MarkdownLimitError('memory') : error);
      replace(slot);
    });
    worker.on('exit', () => {
      if (slot.worker !== worker) return;
      settle(slot)?.reject(new Error('markdown worker exited'));
      replace(slot);
    });
    return worker;
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (!slot.ready || slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      const id = nextId++;
      const timer = setTimeout(() => {
        if (slot.job?.id !== id) return;
        settle(slot)!.reject(new MarkdownLimitError('timeout'));
        replace(slot);
      }, timeLimitMs);
      timer.unref();
      slot.job = { ...job, id, timer };
      slot.worker.postMessage({ id, task: job.task, args: job.args });
    }
    // While there is work, the workers keep the process alive until it is answered, as a socket
    // would; idle, they never do (postMessage refs a worker again, hence every time).
    for (const slot of slots) {
      if (slot.job || queue.length > 0) slot.worker.ref();
      else slot.worker.unref();
    }
  };

  const ensureStarted = () => {
    while (slots.length < threads) {
      const slot = { job: null, ready: false } as unknown as Slot;
      slot.worker = spawn(slot);
      slots.push(slot);
    }
  };

  return {
    threads,
    run(task, ...args) {
      if (closed) return Promise.reject(new Error('markdown pool closed'));
      if (queue.length >= maxQueue) return Promise.reject(new MarkdownLimitError('busy'));
      ensureStarted();
      return new Promise((resolve, reject) => {
        queue.push({ task, args, resolve: resolve as (value: unknown) => void, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('markdown pool closed'));
      await Promise.all(
        slots.map((slot) => {
          settle(slot)?.reject(new Error('markdown pool closed'));
          return slot.worker.terminate();
        }),
      );
    },
  };
}
