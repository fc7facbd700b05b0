import { request as httpRequest } from 'node:http';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { uniqueEmail } from './support/accounts';
import { startExtraServer, type ExtraServer } from './support/server';

// What reaches the app from the network when nothing stands in front of it: no proxy to cap
// bodies or to vouch for an address.

const MB = 1024 * 1024;

/**
 * Announces a 50 MB body and sends it slowly; resolves with the status and how much had been sent
 * when the answer came. A server that refuses before reading answers after the first megabytes,
 * and closes the connection: the client may see that reset before the 413 it was sent.
 */
function postHuge(url: string, { declareLength }: { declareLength: boolean }): Promise<{ status: number | 'reset' | 'no answer'; sentMb: number }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    let sent = 0;
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(declareLength ? { 'content-length': String(50 * MB) } : {}) },
      },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, sentMb: sent / MB });
        req.destroy();
      },
    );
    req.on('error', (error) => (sent > 0 ? resolve({ status: 'reset', sentMb: sent / MB }) : reject(error)));
    // A server that waits for the whole body never answers in time.
    setTimeout(() => {
      resolve({ status: 'no answer', sentMb: sent / MB });
      req.destroy();
    }, 10_000).unref();
    const chunk = Buffer.alloc(256 * 1024, 'a');
    const more = () => {
      // With the length announced, nothing is sent until the server has answered: it must decide
      // from the header alone.
      if (declareLength) return req.flushHeaders();
      if (sent >= 50 * MB || req.destroyed) return req.end();
      sent += chunk.length;
      if (req.write(chunk)) setTimeout(more, 5);
      else req.once('drain', more);
    };
    more();
  });
}

test.describe('request bodies without a proxy in front', () => {
  for (const path of ['/api/auth/callback/credentials', '/api/auth/signout']) {
    test(`${path} refuses a 50 MB body before reading it`, async ({ baseURL }) => {
      for (const declareLength of [true, false]) {
        const answer = await postHuge(`${baseURL}${path}`, { declareLength });
        if (declareLength) expect(answer.status).toBe(413);
        else expect([413, 'reset'], 'a body of unknown length').toContain(answer.status);
        expect(answer.sentMb).toBeLessThan(5);
      }
      // Refused, not fallen over.
      expect((await fetch(`${baseURL}/api/health`)).status).toBe(200);
    });
  }
});

async function postCredentials(request: APIRequestContext, email: string, forwardedFor: string) {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  return request.post('/api/auth/callback/credentials', {
    form: { email, password: 'not the password', csrfToken, callbackUrl: '/en/account', json: 'true' },
    headers: { 'x-forwarded-for': forwardedFor },
    maxRedirects: 0,
  });
}

/** Fails sign-ins (a new account each time, so only the address counts) until the address is refused. */
async function exhaustAddress(request: APIRequestContext, forwardedFor: (i: number) => string) {
  for (let i = 0; i < 31; i += 1) {
    const status = (await postCredentials(request, uniqueEmail('nobody'), forwardedFor(i))).status();
    if (status === 429) return i;
    expect(status).toBe(401);
  }
  return null;
}

test.describe('the address a sign-in limit counts', () => {
  test.describe.configure({ timeout: 120_000 });
  let direct: ExtraServer;
  test.beforeAll(async () => {
    // The same build, exposed directly: no proxy is trusted.
    direct = await startExtraServer({ TRUSTED_PROXIES: '' });
  });
  test.afterAll(() => direct.stop());

  test('is the TCP peer when no proxy is trusted: a made-up X-Forwarded-For buys no fresh budget', async ({ playwright }) => {
    const request = await playwright.request.newContext({ baseURL: direct.url });
    // Each attempt claims another address; all of them come from this one peer.
    expect(await exhaustAddress(request, (i) => `192.0.2.${i + 1}`)).toBe(30);
    expect((await postCredentials(request, uniqueEmail('nobody'), '198.51.100.7')).status()).toBe(429);
    await request.dispose();
  });

  test('is the forwarded address when the peer is a trusted proxy', async ({ playwright, baseURL }) => {
    // The main test server trusts loopback, as the instances behind nginx do.
    const request = await playwright.request.newContext({ baseURL });
    const spent = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
    expect(await exhaustAddress(request, () => spent)).toBe(30);
    expect((await postCredentials(request, uniqueEmail('nobody'), `198.51.100.${Math.floor(Math.random() * 200) + 1}`)).status()).toBe(401);
    await request.dispose();
  });
});
