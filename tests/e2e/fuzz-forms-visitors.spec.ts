import { expect, test } from '@playwright/test';
import { createUser, linksIn, uniqueEmail, uniqueIp, waitForMail } from './support/accounts';
import { hasNul } from './support/payloads';
import { FORM_SAMPLE, fuzzForm, fuzzInBrowser, NUL_MESSAGE, pool, readForm, session, show, SMALL_SAMPLE } from './support/fuzz';

// A fixed sample of hostile strings through every form a visitor can post (support/fuzz.ts).

test.describe('fuzzing the forms of every role', () => {
  // Hundreds of form posts: about a minute and a half alone, twice that beside another test.
  test.describe.configure({ timeout: 300_000 });

  test('visitors: register, forgot and reset password, and sign-in', async ({ browser, baseURL, playwright }) => {
    const origin = new URL(baseURL!).origin;
    const visitor = await session(browser, null);
    const failures: string[] = [];
    // Registering ends on its own confirmation: a fresh browser (and address) for each string.
    for (const payload of SMALL_SAMPLE) {
      const fresh = await session(browser, null, true);
      await fuzzInBrowser(fresh, failures, {
        name: 'register',
        locale: 'zh',
        path: '/zh/register',
        payloads: [payload],
        fill: async (value) => {
          await fresh.page.locator('#email').fill(uniqueEmail('fuzz'));
          await fresh.page.locator('#name').fill(value);
          await fresh.page.locator('#password').fill('a long enough password');
          await fresh.page.locator('#confirmPassword').fill('a long enough password');
        },
      });
      failures.push(...fresh.dialogs);
      await fresh.context.close();
    }
    const forgot = await fuzzForm(visitor, origin, {
      name: 'forgot password',
      locale: 'en',
      path: '/en/forgot-password',
      selector: 'form:has([name="email"])',
    });
    failures.push(...forgot.failures);

    // A real reset link, so that the reset form is there to post.
    const account = await createUser('VOLUNTEER');
    const ask = await readForm(visitor.page, '/en/forgot-password', 'form:has([name="email"])');
    const data = new FormData();
    for (const [name, value] of ask.fields) data.append(name, name === 'email' ? account.email : value);
    expect((await visitor.context.request.post(ask.action, { multipart: data, headers: { Origin: origin } })).status()).toBe(200);
    const link = linksIn((await waitForMail(account.email)).text).find((l) => l.includes('/reset-password'))!;
    // A confirmation that never matches: a reset that went through would use the link up.
    const reset = await fuzzForm(visitor, origin, {
      name: 'reset password',
      locale: 'en',
      path: new URL(link).pathname + new URL(link).search,
      selector: 'form:has([name="token"])',
      fields: ['password', 'token'],
      valid: () => ({ confirmPassword: 'a confirmation that never matches' }),
    });
    failures.push(...reset.failures);

    // Sign-in is next-auth's endpoint; each attempt from its own address, for the per-address limit.
    const api = await playwright.request.newContext({ baseURL });
    const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const attempts = FORM_SAMPLE.flatMap((p) => [
      { email: p.value, password: 'not the password' },
      { email: uniqueEmail('fuzz'), password: p.value },
    ]);
    await pool(attempts, 4, async (fields) => {
      const response = await api.post('/api/auth/callback/credentials', {
        form: { ...fields, csrfToken, callbackUrl: '/en/account', json: 'true' },
        headers: { 'x-forwarded-for': uniqueIp() },
        maxRedirects: 0,
      });
      const label = `sign-in ${show(fields.email)} / ${show(fields.password)}`;
      if (response.status() >= 500) failures.push(`${label}: ${response.status()}`);
      if (hasNul(fields.email + fields.password) && response.status() !== 400)
        failures.push(`${label}: a NUL got ${response.status()}, not 400`);
    });
    await api.dispose();

    // The sign-in form says what is wrong with a NUL before anything is sent.
    const js = await session(browser, null, true);
    await js.page.goto('/zh/sign-in');
    await js.page.locator('#email').fill('nul\u0000@example.org');
    await js.page.locator('#password').fill('password');
    await js.page.locator('form button[type="submit"]').click();
    await expect(js.page.getByText(NUL_MESSAGE.zh)).toBeVisible();

    failures.push(...visitor.dialogs, ...js.dialogs);
    expect(failures).toEqual([]);
    // Two posts of each string through each form, and two sign-in attempts.
    expect(forgot.posts + reset.posts + attempts.length).toBe(6 * FORM_SAMPLE.length);
    await Promise.all([visitor.context.close(), js.context.close()]);
  });

});
