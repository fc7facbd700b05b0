import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createEnglishPost } from './support/translation';
import { hasNul } from './support/payloads';
import { fuzzForm, look, NASTIEST, NUL_MESSAGE, session, show, SMALL_SAMPLE, submitAsIs, watch } from './support/fuzz';

// A fixed sample of hostile strings through every form of a volunteer and a reviewer (support/fuzz.ts).

test.describe('fuzzing the forms of every role', () => {
  // Hundreds of form posts: about a minute and a half alone, twice that beside another test.
  test.describe.configure({ timeout: 300_000 });

  test('volunteers and reviewers: claim, editor, account, comments, change requests, approval and glossary', async ({
    browser,
    baseURL,
  }) => {
    const origin = new URL(baseURL!).origin;
    const failures: string[] = [];
    let posts = 0;
    const add = (r: { failures: string[]; posts: number }) => {
      failures.push(...r.failures);
      posts += r.posts;
    };
    const post = await createEnglishPost({ title: `Fuzz source ${randomUUID().slice(0, 8)}`, body: 'One paragraph to translate.' });
    const volunteer = await session(browser, 'VOLUNTEER');
    const claimForm = `form:has(input[name="postId"][value="${post.postId}"])`;
    add(
      await fuzzForm(volunteer, origin, {
        name: 'claim',
        locale: 'zh',
        path: '/zh/translate',
        selector: claimForm,
        fields: ['postId', 'locale'],
        payloads: NASTIEST,
      }),
    );
    const claimed = await submitAsIs(volunteer, origin, '/zh/translate', claimForm);
    const draftId = /\/translate\/([\w-]+)$/.exec(new URL(claimed.url()).pathname)?.[1];
    expect(draftId, claimed.url()).toBeTruthy();

    // The editor saves JSON through a server action: typed into, in a browser.
    const editor = await session(browser, volunteer.account, true);
    let current = '';
    watch(editor.page, failures, () => `editor ${show(current)}`);
    await editor.page.goto(`/en/translate/${draftId}`);
    const title = editor.page.getByRole('textbox', { name: 'Title in Chinese' });
    const block = editor.page.getByRole('textbox', { name: /^Block 1 of 1/ });
    const status = editor.page.locator('p[role="status"][aria-live="polite"]');
    for (const payload of SMALL_SAMPLE) {
      current = payload.value;
      await title.fill(`标题 ${payload.value.slice(0, 200)}`);
      await block.fill(payload.value);
      const save = editor.page.getByRole('button', { name: 'Save now' });
      if (await save.isEnabled()) await save.click();
      await expect(status).not.toHaveText(/Unsaved|Saving/);
      await expect(status).toHaveText(hasNul(payload.value) ? `Not saved: ${NUL_MESSAGE.en}` : /^(Saved|Not saved)/);
    }
    current = 'a clean translation';
    await title.fill('模糊测试');
    await block.fill('一段要翻译的文字。');
    if (await editor.page.getByRole('button', { name: 'Save now' }).isEnabled())
      await editor.page.getByRole('button', { name: 'Save now' }).click();
    await expect(status).toHaveText(/^Saved/);
    await editor.page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(editor.page).toHaveURL(/\/translate\?submitted=1$/);

    // The account's password form runs in script too; a wrong current password keeps this session.
    for (const payload of SMALL_SAMPLE) {
      current = `account ${payload.value}`;
      // A fresh form each time: the error shown must be this payload's, and the form must not be
      // reset under the next payload by the previous answer arriving (React resets a form when
      // its action ends).
      await editor.page.goto('/zh/account');
      await editor.page.locator('#currentPassword').fill('not the current password');
      await editor.page.locator('#newPassword').fill(payload.value);
      await editor.page.locator('#confirmNewPassword').fill(payload.value);
      await editor.page.locator('form:has(#newPassword) button[type="submit"]').click();
      if (hasNul(payload.value)) await expect(editor.page.getByText(NUL_MESSAGE.zh).first()).toBeVisible({ timeout: 10_000 });
      else await expect(editor.page.locator('form:has(#newPassword) [aria-invalid="true"]').first()).toBeVisible({ timeout: 10_000 });
    }

    const reviewer = await session(browser, 'REVIEWER');
    const review = `/en/review/${draftId}`;
    add(
      await fuzzForm(reviewer, origin, {
        name: 'review comment',
        locale: 'en',
        path: review,
        selector: 'form:has(textarea[name="body"])',
        fields: ['body', 'blockIndex', 'draftId'],
      }),
    );
    add(
      await fuzzForm(reviewer, origin, {
        name: 'approve',
        locale: 'en',
        path: review,
        selector: 'form:has(input[name="draftId"]):not(:has(textarea))',
        fields: ['draftId'],
        payloads: NASTIEST,
      }),
    );
    add(
      await fuzzForm(reviewer, origin, {
        name: 'glossary',
        locale: 'zh',
        path: '/zh/admin/glossary',
        selector: 'form:has([name="term"])',
        fields: ['term', 'translation', 'note', 'locale'],
      }),
    );
    // Last: the first valid note sends the draft back, and the rest are refused as it is no longer in review.
    add(
      await fuzzForm(reviewer, origin, {
        name: 'request changes',
        locale: 'en',
        path: review,
        selector: 'form:has(textarea[name="note"])',
        fields: ['note', 'draftId'],
      }),
    );

    // What was stored, shown to the people who read it, with script running.
    const reviewerJs = await session(browser, reviewer.account, true);
    watch(reviewerJs.page, failures, () => 'reviewer pages');
    await look(reviewerJs, [review, '/zh/admin/glossary']);
    await look(editor, ['/en/translate', `/zh/translate/${draftId}`]);

    failures.push(...[volunteer, editor, reviewer, reviewerJs].flatMap((x) => x.dialogs));
    expect(failures).toEqual([]);
    expect(posts).toBeGreaterThan(100);
    await Promise.all([volunteer, editor, reviewer, reviewerJs].map((x) => x.context.close()));
  });

});
