import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/dal/session';
import type { Locale } from '@/lib/i18n/routing';
import { approveDraftAction, claimPostAction, releaseDraftAction, requestChangesAction, startUpdateAction } from '@/lib/actions/translation';
import { as, createEnglishPost, createUser, draftRow, translatedDraft } from './support';

vi.mock('@/lib/dal/session', async (importOriginal) => (await import('./support')).mockedSession(await importOriginal()));
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), revalidatePath: () => undefined, revalidateTag: () => undefined }));
// These actions end on a redirect to a page in the interface language; outside Next it is a thrown value.
vi.mock('next/navigation', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/navigation')>()),
  redirect: (url: string) => {
    throw { redirectedTo: url };
  },
}));

// The interface language is bound into these actions on the page, but the browser sends it back
// with each call: a forged one became the start of the address the action redirected to
// ("/evil.example" gave `//evil.example/review…`, another site).
const FORGED = ['/evil.example', '/\\evil.example', 'en/../../evil.example', '', 'fr'] as unknown as Locale[];

let alice: CurrentUser;
let rita: CurrentUser;

beforeAll(async () => {
  [alice, rita] = await Promise.all([createUser('VOLUNTEER', 'Alice'), createUser('REVIEWER', 'Rita')]);
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

/** Where the call redirected to, or what it answered. */
async function outcome(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return await call();
  } catch (error) {
    if (error && typeof error === 'object' && 'redirectedTo' in error) return error;
    throw error;
  }
}

const REFUSED = { ok: false, error: 'Translate.errors.invalid' };

describe('an action bound to an interface language', () => {
  it('refuses a forged language before it changes anything, and never redirects off the site', async () => {
    const post = await createEnglishPost();
    const draftId = await translatedDraft(alice, post.id);
    const before = await draftRow(draftId);
    for (const locale of FORGED) {
      expect(await outcome(() => as(rita, () => requestChangesAction(locale, null, form({ draftId, note: 'Please redo the second paragraph.' }))))).toEqual(REFUSED);
      expect(await outcome(() => as(rita, () => approveDraftAction(locale, null, form({ draftId }))))).toEqual(REFUSED);
    }
    expect(await draftRow(draftId)).toEqual(before);

    const other = await createEnglishPost();
    for (const locale of FORGED) {
      expect(await outcome(() => as(alice, () => claimPostAction(locale, null, form({ postId: other.id, locale: 'zh' }))))).toEqual(REFUSED);
      expect(await outcome(() => as(alice, () => startUpdateAction(locale, null, form({ postId: other.id, locale: 'zh' }))))).toEqual(REFUSED);
    }
    expect(await db.translationDraft.count({ where: { postId: other.id } })).toBe(0);
  });

  it('refuses a forged language on release, and the claim is kept', async () => {
    const post = await createEnglishPost();
    const draftId = await translatedDraft(alice, post.id, { submit: false });
    const before = await draftRow(draftId);
    for (const locale of FORGED) {
      expect(await outcome(() => as(alice, () => releaseDraftAction(locale, null, form({ draftId }))))).toEqual(REFUSED);
    }
    expect(await draftRow(draftId)).toEqual(before);
  });

  it('redirects to the page in that language when it is one of the site’s', async () => {
    const post = await createEnglishPost();
    const draftId = await translatedDraft(alice, post.id);
    expect(await outcome(() => as(rita, () => requestChangesAction('zh', null, form({ draftId, note: 'Please redo the second paragraph.' }))))).toEqual({
      redirectedTo: '/zh/review?changesRequested=1',
    });
    expect((await draftRow(draftId)).status).toBe('CHANGES_REQUESTED');
  });
});
