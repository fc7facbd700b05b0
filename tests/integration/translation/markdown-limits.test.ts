import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/dal/session';
import { approveDraft } from '@/lib/dal/reviews';
import { getDraftForEditor, submitDraft } from '@/lib/dal/translation-drafts';
import { MarkdownLimitError } from '@/lib/markdown/pool';
import { MAX_BLOCK_CHARS } from '@/lib/translation/limits';
import { as, createEnglishPost, createUser, draftRow, TRANSLATION, translatedDraft } from './support';

vi.mock('@/lib/dal/session', async (importOriginal) => (await import('./support')).mockedSession(await importOriginal()));

// Texts that cost remark seconds to minutes on the thread that parses them (an outside test
// froze the server with the first one through the editor's preview).
const EMPHASIS_RUNS = '*_'.repeat(MAX_BLOCK_CHARS / 2);
const DEEP_QUOTES = '>'.repeat(3000) + ' x';
// Far below what these texts cost on the request thread, far above timer jitter on a busy machine.
const RESPONSIVE_MS = 300;

let translator: CurrentUser;
let reviewer: CurrentUser;

beforeAll(async () => {
  [translator, reviewer] = await Promise.all([createUser('VOLUNTEER', 'Mallory'), createUser('REVIEWER', 'Rita')]);
});

async function longestStall<T>(work: () => Promise<T>): Promise<{ stall: number; outcome: T | Error }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 5);
  const outcome = await work().catch((error: Error) => error);
  clearInterval(timer);
  return { stall, outcome };
}

const reason = (outcome: unknown) => (outcome instanceof MarkdownLimitError ? outcome.reason : outcome);

describe('a draft built to be slow to parse', { timeout: 60_000 }, () => {
  it('opens in the editor without its checks, and the server answers meanwhile', async () => {
    const post = await createEnglishPost();
    const draftId = await translatedDraft(translator, post.id, { submit: false, texts: [EMPHASIS_RUNS, ...TRANSLATION.slice(1)] });
    const { stall, outcome } = await longestStall(() => as(translator, () => getDraftForEditor(draftId)));
    expect(stall).toBeLessThan(RESPONSIVE_MS);
    if (outcome instanceof Error) throw outcome;
    expect(outcome.blocks[0]!.text).toBe(EMPHASIS_RUNS);
    expect(outcome.checks).toEqual([]);
  });

  it('is refused at submit with the reason, and the text stays as it was', async () => {
    const post = await createEnglishPost();
    const draftId = await translatedDraft(translator, post.id, { submit: false, texts: [EMPHASIS_RUNS, ...TRANSLATION.slice(1)] });
    const before = await draftRow(draftId);
    const { stall, outcome } = await longestStall(() => as(translator, () => submitDraft(draftId, before.version)));
    expect(stall).toBeLessThan(RESPONSIVE_MS);
    expect(reason(outcome)).toBe('timeout');
    expect(await draftRow(draftId)).toEqual(before);
  });

  it('nested thousands of quotes deep is refused as too deep, not a crash', async () => {
    const post = await createEnglishPost();
    const draftId = await translatedDraft(translator, post.id, { submit: false, texts: [...TRANSLATION.slice(0, 1), DEEP_QUOTES, ...TRANSLATION.slice(2)] });
    const before = await draftRow(draftId);
    expect(reason(await as(translator, () => submitDraft(draftId, before.version)).catch((e: Error) => e))).toBe('tooDeep');
    expect(await draftRow(draftId)).toEqual(before);
  });

  it('that reached review is refused at approval, and nothing is published', async () => {
    const post = await createEnglishPost();
    const draftId = await translatedDraft(translator, post.id, { submit: false });
    // As if it had been submitted before the checks ran off the request thread.
    await db.translationDraft.update({ where: { id: draftId }, data: { status: 'SUBMITTED', blocks: [EMPHASIS_RUNS, ...TRANSLATION.slice(1)] } });
    const { stall, outcome } = await longestStall(() => as(reviewer, () => approveDraft(draftId)));
    expect(stall).toBeLessThan(RESPONSIVE_MS);
    expect(reason(outcome)).toBe('timeout');
    expect((await draftRow(draftId)).status).toBe('SUBMITTED');
    expect(await db.postLocalization.count({ where: { postId: post.id, locale: 'zh' } })).toBe(0);
  });
});
