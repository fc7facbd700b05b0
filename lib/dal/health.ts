import 'server-only';
import { db } from '@/lib/db';

export type Check = { ok: true; ms: number } | { ok: false; ms: number; error: string };

const TIMEOUT_MS = 2000;

/** Whether PostgreSQL answers a trivial query within TIMEOUT_MS: what "ready" means for now. */
export async function checkDatabase(): Promise<Check> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return { ok: true, ms: elapsed() };
  } catch (error) {
    return { ok: false, ms: elapsed(), error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
