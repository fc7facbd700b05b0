import { afterAll, describe, expect, it } from 'vitest';
import { assertNesting, NestingError } from '@/lib/markdown/limits';
import { createMarkdownPool, MarkdownLimitError } from '@/lib/markdown/pool';

// Real worker threads running the site's own pipeline: what the server does with a volunteer's text.
const pool = createMarkdownPool({ threads: 2, timeLimitMs: 1500 });
afterAll(() => pool.close());

/** The longest stretch this thread could not run a timer while `work` was under way. */
async function longestStall<T>(work: Promise<T>): Promise<{ stall: number; outcome: T | Error }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 5);
  const outcome = await work.catch((error: Error) => error);
  clearInterval(timer);
  return { stall, outcome };
}

// Far below what these texts cost on the thread (seconds each), far above timer jitter on a busy machine.
const RESPONSIVE_MS = 300;

const refusal = (outcome: unknown) => (outcome instanceof MarkdownLimitError ? outcome.reason : outcome);

// Each refusal replaces a worker, and a worker loading TypeScript takes a moment to start.
describe('Markdown from users never holds up the thread that answers requests', { timeout: 30_000 }, () => {
  it('renders ordinary Markdown the way the site does', async () => {
    const { html } = await pool.run('render', '# Title\n\n**bold** and `code`');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code>code</code>');
  });

  it.each([
    ['runs of *_ (emphasis)', '*_'.repeat(50_000)],
    ['a* pairs', 'a*'.repeat(50_000)],
    ['nested lists by indentation', Array.from({ length: 60 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n').repeat(40)],
  ])('refuses %s at its time limit while this thread keeps running', async (_, text) => {
    const started = performance.now();
    const { stall, outcome } = await longestStall(pool.run('render', text));
    expect(refusal(outcome)).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(1500 + 3000);
    expect(stall).toBeLessThan(RESPONSIVE_MS);
  });

  it('refuses quotes nested thousands deep at once, where the parser would overflow its stack', async () => {
    for (const text of ['>'.repeat(3000) + ' x', '> '.repeat(10_000) + 'x', `${'- '.repeat(100)}deep`]) {
      const started = performance.now();
      const { outcome } = await longestStall(pool.run('splitBlocks', text));
      expect(refusal(outcome)).toBe('tooDeep');
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it('keeps serving after refusals, and runs tasks side by side', async () => {
    await pool.run('render', '*_'.repeat(50_000)).catch(() => null);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => pool.run('plainText', `Paragraph **${i}**`)));
    expect(results).toEqual(Array.from({ length: 6 }, (_, i) => `Paragraph ${i}`));
  });

  it('answers "busy" rather than queueing without end', async () => {
    const small = createMarkdownPool({ threads: 1, timeLimitMs: 1000, maxQueue: 2 });
    await small.run('render', 'warm up');
    const jobs = Array.from({ length: 4 }, () => small.run('render', 'a*'.repeat(20_000)).catch((e: Error) => e));
    const outcomes = await Promise.all(jobs);
    expect(outcomes.map(refusal)).toEqual(['timeout', 'timeout', 'timeout', 'busy']);
    await small.close();
  });
});

describe('nesting check before parsing', () => {
  it('lets real posts through', () => {
    expect(() => assertNesting('> quote\n> > reply\n\n- a\n  - b\n    - c\n\n```\n' + ' '.repeat(40) + 'indented code\n```')).not.toThrow();
  });

  it('refuses more than 32 levels of quotes or lists', () => {
    expect(() => assertNesting('>'.repeat(33) + ' x')).toThrow(NestingError);
    expect(() => assertNesting('1. '.repeat(40) + 'x')).toThrow(NestingError);
    expect(() => assertNesting('>'.repeat(32) + ' x')).not.toThrow();
  });
});
