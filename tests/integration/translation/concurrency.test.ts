import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/dal/session';
import { DraftError, saveDraft } from '@/lib/dal/translation-drafts';
import { claimPost } from '@/lib/dal/translation-claims';
import { listWaitingPosts } from '@/lib/dal/translation-queue';
import { as, createEnglishPost, createUser, draftRow, signInAs, TRANSLATION } from './support';

vi.mock('@/lib/dal/session', async (importOriginal) => (await import('./support')).mockedSession(await importOriginal()));

let alice: CurrentUser;
let bob: CurrentUser;
let carol: CurrentUser;

beforeAll(async () => {
  [alice, bob, carol] = await Promise.all([createUser('VOLUNTEER', 'Alice'), createUser('VOLUNTEER', 'Bob'), createUser('VOLUNTEER', 'Carol')]);
});

const openDrafts = (postId: string) => db.translationDraft.findMany({ where: { postId, locale: 'zh', status: { not: 'RELEASED' } }, select: { id: true, translatorId: true } });

describe('two saves from the same base version', () => {
  it('let exactly one win; the other gets a conflict with the winner’s text, and can then save its own', async () => {
    const post = await createEnglishPost();
    signInAs(alice);
    const { draftId } = await claimPost(post.id, 'zh');
    const tabA = TRANSLATION.map((text) => `${text}（A）`);
    const tabB = TRANSLATION.map((text) => `${text}（B）`);

    const results = await Promise.all([saveDraft(draftId, 1, '标题 A', tabA), saveDraft(draftId, 1, '标题 B', tabB)]);
    const won = results.filter((r) => r.kind === 'saved');
    const lost = results.filter((r) => r.kind === 'conflict');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = results[0]!.kind === 'saved' ? { title: '标题 A', blocks: tabA } : { title: '标题 B', blocks: tabB };
    const loser = winner.title === '标题 A' ? { title: '标题 B', blocks: tabB } : { title: '标题 A', blocks: tabA };
    const conflict = lost[0]!;
    if (conflict.kind !== 'conflict') throw new Error('unreachable');
    // The refused tab learns exactly what the server holds, so it can show it beside its own text.
    expect(conflict).toMatchObject({ version: 2, ...winner });
    expect(await draftRow(draftId)).toMatchObject({ version: 2, ...winner });

    // Its own text was never written, so it is still the user's to keep: saved on the new base.
    const retried = await saveDraft(draftId, conflict.version, loser.title, loser.blocks);
    expect(retried).toMatchObject({ kind: 'saved', version: 3 });
    expect(await draftRow(draftId)).toMatchObject({ version: 3, ...loser });
  });

  it('refuses a save based on a version someone else already replaced', async () => {
    const post = await createEnglishPost();
    signInAs(alice);
    const { draftId } = await claimPost(post.id, 'zh');
    await saveDraft(draftId, 1, 'one', TRANSLATION);
    await saveDraft(draftId, 2, 'two', TRANSLATION);
    const stale = await saveDraft(draftId, 1, 'stale', TRANSLATION.map(() => 'lost?'));
    expect(stale).toMatchObject({ kind: 'conflict', version: 3, title: 'two', blocks: TRANSLATION });
    expect(await draftRow(draftId)).toMatchObject({ title: 'two', version: 3 });
  });
});

describe('claims', () => {
  it('of one post by two volunteers at once make one draft; the other is told it is taken', async () => {
    const post = await createEnglishPost();
    const results = await Promise.allSettled([as(alice, () => claimPost(post.id, 'zh')), as(bob, () => claimPost(post.id, 'zh')), as(carol, () => claimPost(post.id, 'zh'))]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected.map((r) => (r.reason instanceof DraftError ? r.reason.code : String(r.reason)))).toEqual(['alreadyClaimed', 'alreadyClaimed']);
    expect(await openDrafts(post.id)).toHaveLength(1);
    // And the post is no longer offered to anyone.
    const waiting = await as(bob, () => listWaitingPosts('zh', 1));
    expect(waiting.items.map((p) => p.postId)).not.toContain(post.id);
  });

  it('that lapsed (never saved, past its expiry) can be claimed by someone else, and the old claim can no longer save', async () => {
    const post = await createEnglishPost();
    const { draftId: lapsed } = await as(alice, () => claimPost(post.id, 'zh'));
    await expect(as(bob, () => claimPost(post.id, 'zh'))).rejects.toMatchObject({ code: 'alreadyClaimed' });

    await db.translationDraft.update({ where: { id: lapsed }, data: { claimExpiresAt: new Date(Date.now() - 60_000) } });
    expect((await as(bob, () => listWaitingPosts('zh', 1))).items.map((p) => p.postId)).toContain(post.id);
    const { draftId } = await as(bob, () => claimPost(post.id, 'zh'));
    expect(draftId).not.toBe(lapsed);
    expect((await draftRow(lapsed)).status).toBe('RELEASED');
    expect(await openDrafts(post.id)).toEqual([{ id: draftId, translatorId: bob.id }]);
    // The old claim's editor is told it can no longer save, not that someone saved over it.
    await expect(as(alice, () => saveDraft(lapsed, 1, 'too late', TRANSLATION))).rejects.toMatchObject({ code: 'notEditable' });
  });

  it('that was saved does not lapse', async () => {
    const post = await createEnglishPost();
    const { draftId } = await as(alice, () => claimPost(post.id, 'zh'));
    await as(alice, () => saveDraft(draftId, 1, '标题', TRANSLATION));
    expect((await draftRow(draftId)).claimExpiresAt).toBeNull();
    await expect(as(bob, () => claimPost(post.id, 'zh'))).rejects.toMatchObject({ code: 'alreadyClaimed' });
  });
});
