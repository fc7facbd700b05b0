import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { AuthError, type CurrentUser } from '@/lib/dal/session';
import { DraftError, getDraftForEditor, releaseDraft, saveDraft, submitDraft } from '@/lib/dal/translation-drafts';
import { claimPost, startUpdate } from '@/lib/dal/translation-claims';
import { addReviewComment, approveDraft, getDraftForReview, listReviewQueue, requestChanges } from '@/lib/dal/reviews';
import { deleteGlossaryTerm, upsertGlossaryTerm } from '@/lib/dal/glossary';
import { getSourceForEditing, updateSourcePost } from '@/lib/dal/source-posts';
import { listWaitingPosts, getMyWork } from '@/lib/dal/translation-queue';
import { saveDraftAction, updateSourcePostAction } from '@/lib/actions/translation';
import { saveDraftSchema } from '@/lib/validations/translation';
import { as, createEnglishPost, createUser, draftRow, signInAs, SOURCE, TRANSLATION, translatedDraft } from './support';

vi.mock('@/lib/dal/session', async (importOriginal) => (await import('./support')).mockedSession(await importOriginal()));
// Server actions revalidate pages after a write; there is no Next.js cache in a test.
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), revalidatePath: () => undefined, revalidateTag: () => undefined }));

let alice: CurrentUser;
let bob: CurrentUser;
let rita: CurrentUser;
let admin: CurrentUser;

beforeAll(async () => {
  [alice, bob, rita, admin] = await Promise.all([
    createUser('VOLUNTEER', 'Alice'),
    createUser('VOLUNTEER', 'Bob'),
    createUser('REVIEWER', 'Rita'),
    createUser('ADMIN', 'Adam'),
  ]);
});

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof DraftError) return `DraftError:${error.code}`;
  if (error instanceof AuthError) return `AuthError:${error.code}`;
  throw error ?? new Error('expected a refusal, the call succeeded');
}

describe("another volunteer's draft", () => {
  it('cannot be read, saved, submitted or released by id, and nothing changes', async () => {
    const post = await createEnglishPost();
    const draftId = await translatedDraft(alice, post.id, { submit: false });
    const before = await draftRow(draftId);

    signInAs(bob);
    expect(await refusal(getDraftForEditor(draftId))).toBe('DraftError:notFound');
    expect(await refusal(saveDraft(draftId, before.version, 'hijacked', TRANSLATION.map(() => 'x')))).toBe('DraftError:notFound');
    expect(await refusal(submitDraft(draftId, before.version))).toBe('DraftError:notFound');
    expect(await refusal(releaseDraft(draftId))).toBe('DraftError:notFound');
    expect(await saveDraftAction({ draftId, baseVersion: before.version, title: 'hijacked', blocks: TRANSLATION.map(() => 'x') })).toEqual({ ok: false, error: 'Translate.errors.notFound' });

    expect(await draftRow(draftId)).toEqual(before);
  });

  it('is indistinguishable from a draft that does not exist', async () => {
    signInAs(bob);
    expect(await refusal(getDraftForEditor('no-such-draft'))).toBe('DraftError:notFound');
  });
});

describe('claiming', () => {
  it('lists a published original as waiting, with the length of its text', async () => {
    const body = `${SOURCE}\n\nOne more paragraph, with 中文 in it.`;
    const post = await createEnglishPost(body);
    signInAs(alice);
    const waiting = await listWaitingPosts('zh', 1);
    expect(waiting.items.find((p) => p.postId === post.id)).toMatchObject({ slug: post.slug, sourceLocale: 'en', characters: body.length });
  });

  it('offers only published originals: an unpublished one cannot be claimed, and so not read, by id', async () => {
    const post = await createEnglishPost();
    await db.postLocalization.updateMany({ where: { postId: post.id, locale: 'en' }, data: { status: 'DRAFT' } });
    signInAs(alice);
    expect((await listWaitingPosts('zh', 1)).items.map((p) => p.postId)).not.toContain(post.id);
    expect(await refusal(claimPost(post.id, 'zh'))).toBe('DraftError:notFound');
    await db.post.update({ where: { id: post.id }, data: { publishedAt: null } });
    await db.postLocalization.updateMany({ where: { postId: post.id, locale: 'en' }, data: { status: 'PUBLISHED' } });
    expect(await refusal(claimPost(post.id, 'zh'))).toBe('DraftError:notFound');
    expect(await db.translationDraft.count({ where: { postId: post.id } })).toBe(0);
  });

  it('refuses a post that already has a version in that language, or is in that language', async () => {
    const post = await createEnglishPost();
    signInAs(alice);
    expect(await refusal(claimPost(post.id, 'en'))).toBe('DraftError:notFound');
    await as(rita, async () => approveDraft(await translatedDraft(bob, post.id)));
    expect(await refusal(claimPost(post.id, 'zh'))).toBe('DraftError:notFound');
  });
});

describe('reviewing needs the reviewer role', () => {
  it('refuses a volunteer who approves, requests changes, comments or reads the queue, and nothing changes', async () => {
    const post = await createEnglishPost();
    const draftId = await translatedDraft(alice, post.id);
    const before = await draftRow(draftId);

    signInAs(bob);
    expect(await refusal(approveDraft(draftId))).toBe('AuthError:FORBIDDEN');
    expect(await refusal(requestChanges(draftId, 'redo it'))).toBe('AuthError:FORBIDDEN');
    expect(await refusal(addReviewComment(draftId, 0, 'hm'))).toBe('AuthError:FORBIDDEN');
    expect(await refusal(listReviewQueue())).toBe('AuthError:FORBIDDEN');
    expect(await refusal(getDraftForReview(draftId))).toBe('AuthError:FORBIDDEN');
    // Even the translator, on their own draft.
    signInAs(alice);
    expect(await refusal(approveDraft(draftId))).toBe('AuthError:FORBIDDEN');

    expect(await draftRow(draftId)).toEqual(before);
  });

  it('refuses a reviewer who approves or sends back their own translation', async () => {
    const post = await createEnglishPost();
    const draftId = await translatedDraft(rita, post.id);
    signInAs(rita);
    expect((await listReviewQueue()).find((item) => item.id === draftId)?.isOwn).toBe(true);
    expect((await getDraftForReview(draftId)).isOwn).toBe(true);
    expect(await refusal(approveDraft(draftId))).toBe('DraftError:notEditable');
    expect(await refusal(requestChanges(draftId, 'my own note'))).toBe('DraftError:notEditable');
    expect(await refusal(addReviewComment(draftId, 0, 'Looks good to me.'))).toBe('DraftError:notEditable');
    expect((await draftRow(draftId)).status).toBe('SUBMITTED');
    expect(await db.reviewComment.count({ where: { draftId } })).toBe(0);

    // An admin is a reviewer too, and may approve someone else's work.
    signInAs(admin);
    await approveDraft(draftId);
    expect((await draftRow(draftId)).status).toBe('APPROVED');
  });

  it('keeps editing the original and the glossary to their roles', async () => {
    const post = await createEnglishPost();
    signInAs(alice);
    expect(await refusal(getSourceForEditing(post.slug))).toBe('AuthError:FORBIDDEN');
    expect(await refusal(updateSourcePost(post.slug, 1, 'Mine now', 'Replaced.'))).toBe('AuthError:FORBIDDEN');
    expect(await refusal(upsertGlossaryTerm({ term: 'model', locale: 'zh', translation: '模特', note: null }))).toBe('AuthError:FORBIDDEN');
    signInAs(rita);
    expect(await refusal(updateSourcePost(post.slug, 1, 'Mine now', 'Replaced.'))).toBe('AuthError:FORBIDDEN');
    signInAs(admin);
    expect((await getSourceForEditing(post.slug)).title).toBe('Diffusion in practice');
  });
});

describe('a save request', () => {
  it('changes only the text: status, owner, role and version fields in the payload are ignored', async () => {
    const post = await createEnglishPost();
    const draftId = await translatedDraft(alice, post.id, { submit: false, texts: TRANSLATION.map(() => '') });
    const before = await draftRow(draftId);
    const payload = {
      draftId,
      baseVersion: before.version,
      title: '新标题',
      blocks: TRANSLATION,
      status: 'APPROVED',
      translatorId: bob.id,
      reviewerId: bob.id,
      role: 'ADMIN',
      version: 999,
      claimExpiresAt: null,
    };
    expect(Object.keys(saveDraftSchema.parse(payload)).sort()).toEqual(['baseVersion', 'blocks', 'draftId', 'title']);
    signInAs(alice);
    const result = await saveDraftAction(payload);
    expect(result.ok).toBe(true);
    const after = await draftRow(draftId);
    expect(after).toEqual({ ...before, title: '新标题', blocks: TRANSLATION, version: before.version + 1 });
  });

  it('refuses a body of 2 MB, through the action and the data layer', async () => {
    const post = await createEnglishPost();
    const draftId = await translatedDraft(alice, post.id, { submit: false });
    const before = await draftRow(draftId);
    const huge = 'x'.repeat(2 * 1024 * 1024);
    signInAs(alice);
    const blocks = TRANSLATION.map((text, i) => (i === 1 ? huge : text));
    expect(await saveDraftAction({ draftId, baseVersion: before.version, title: 't', blocks })).toEqual({ ok: false, error: 'Translate.errors.invalid' });
    expect(await refusal(saveDraft(draftId, before.version, 't', blocks))).toBe('DraftError:tooLarge');
    expect(await draftRow(draftId)).toEqual(before);

    signInAs(admin);
    const source = await updateSourcePostAction({ slug: post.slug, baseVersion: 1, title: 'Big', body: huge });
    expect(source).toMatchObject({ ok: false, fieldErrors: { body: ['FormErrors.tooLong'] } });
    expect((await getSourceForEditing(post.slug)).title).toBe('Diffusion in practice');
  });
});

describe('without a session', () => {
  it('refuses every read and write of the workflow with UNAUTHENTICATED', async () => {
    const post = await createEnglishPost();
    const draftId = await translatedDraft(alice, post.id);
    const before = await draftRow(draftId);
    signInAs(null);
    const calls: [string, () => Promise<unknown>][] = [
      ['claimPost', () => claimPost(post.id, 'zh')],
      ['startUpdate', () => startUpdate(post.id, 'zh')],
      ['saveDraft', () => saveDraft(draftId, before.version, 't', TRANSLATION)],
      ['submitDraft', () => submitDraft(draftId, before.version)],
      ['releaseDraft', () => releaseDraft(draftId)],
      ['addReviewComment', () => addReviewComment(draftId, 0, 'x')],
      ['requestChanges', () => requestChanges(draftId, 'x')],
      ['approveDraft', () => approveDraft(draftId)],
      ['upsertGlossaryTerm', () => upsertGlossaryTerm({ term: 'x', locale: 'zh', translation: 'y', note: null })],
      ['deleteGlossaryTerm', () => deleteGlossaryTerm('x')],
      ['updateSourcePost', () => updateSourcePost(post.slug, 1, 'x', 'y')],
      ['getDraftForEditor', () => getDraftForEditor(draftId)],
      ['getDraftForReview', () => getDraftForReview(draftId)],
      ['listWaitingPosts', () => listWaitingPosts('zh', 1)],
      ['getMyWork', () => getMyWork()],
    ];
    for (const [name, call] of calls) expect([name, await refusal(call())]).toEqual([name, 'AuthError:UNAUTHENTICATED']);
    expect(await draftRow(draftId)).toEqual(before);
    expect(await as(admin, () => getSourceForEditing(post.slug))).toMatchObject({ title: 'Diffusion in practice', version: 1 });
  });
});
