import type { BlockKind } from '@/lib/markdown/blocks';
import type { CheckIssue } from '@/lib/translation/checks';

export type BlockCheck = { kind: BlockKind; source: string; text: string; locale: string };
export type BlockCheckRequest = BlockCheck & { id: number };
export type BlockCheckReply = { id: number; issues: CheckIssue[] };

export type BlockChecker = { check(block: BlockCheck): Promise<CheckIssue[]>; close(): void };

const TOO_COMPLEX: CheckIssue[] = [{ block: 0, severity: 'error', code: 'tooComplex' }];

/**
 * Checks blocks one at a time on a Web Worker. A block that takes longer than `timeLimitMs` is
 * reported as too complex and its worker replaced, as the server does with its own workers.
 */
export function createBlockChecker(timeLimitMs = 2000): BlockChecker {
  let worker: Worker | null = null;
  let nextId = 0;
  let chain = Promise.resolve();

  const start = () => new Worker(new URL('./checks.worker.ts', import.meta.url));

  const once = (block: BlockCheck) =>
    new Promise<CheckIssue[]>((resolve) => {
      worker ??= start();
      const current = worker;
      const id = nextId++;
      const done = (issues: CheckIssue[]) => {
        clearTimeout(timer);
        current.removeEventListener('message', onMessage);
        resolve(issues);
      };
      const onMessage = (event: MessageEvent<BlockCheckReply>) => {
        if (event.data.id === id) done(event.data.issues);
      };
      const timer = setTimeout(() => {
        current.terminate();
        if (worker === current) worker = null;
        done(TOO_COMPLEX);
      }, timeLimitMs);
      current.addEventListener('message', onMessage);
      current.postMessage({ id, ...block } satisfies BlockCheckRequest);
    });

  return {
    check(block) {
      const result = chain.then(() => once(block));
      chain = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    close() {
      worker?.terminate();
      worker = null;
    },
  };
}
