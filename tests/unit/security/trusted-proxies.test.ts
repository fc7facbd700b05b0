import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxies } from '@/lib/trusted-proxies.mjs';

describe('which address a request comes from', () => {
  it('is the peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    const none = trustedProxies('');
    expect(clientAddress('198.51.100.9', '192.0.2.1', none)).toBe('198.51.100.9');
    expect(clientAddress('::ffff:198.51.100.9', null, none)).toBe('198.51.100.9');
  });

  it('is the nearest untrusted hop behind trusted proxies, read from the right', () => {
    const proxies = trustedProxies('loopback, 10.0.0.0/8');
    expect(clientAddress('127.0.0.1', '203.0.113.5', proxies)).toBe('203.0.113.5');
    // A client may write anything at the far end; the address nginx appended is the one believed.
    expect(clientAddress('127.0.0.1', '192.0.2.66, 203.0.113.5, 10.1.2.3', proxies)).toBe('203.0.113.5');
    expect(clientAddress('::1', 'not-an-address', proxies)).toBe('::1');
  });

  it('refuses a setting it cannot read rather than trusting too much', () => {
    expect(() => trustedProxies('everyone')).toThrow(/TRUSTED_PROXIES/);
  });
});

const PRELOAD = fileURLToPath(new URL('../../../scripts/lib/peer-headers.mjs', import.meta.url));
// A server that answers with the headers it was given, started the way next-start.mjs starts Next.
const ECHO = `require('node:http').createServer((q, s) => s.end(JSON.stringify(q.headers))).listen(0, '127.0.0.1', function () { console.log(this.address().port); });`;

async function headersSeen(trusted: string, sent: Record<string, string>): Promise<Record<string, string>> {
  const child = spawn(process.execPath, [`--import=${new URL(`file://${PRELOAD}`).href}`, '-e', ECHO], { env: { ...process.env, TRUSTED_PROXIES: trusted }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [line] = (await once(child.stdout!, 'data')) as [Buffer];
    const port = Number(line.toString().trim());
    return await new Promise((resolve, reject) => {
      request({ host: '127.0.0.1', port, headers: sent }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve(JSON.parse(body)));
      })
        .on('error', reject)
        .end();
    });
  } finally {
    child.kill();
  }
}

describe('the server preload (scripts/lib/peer-headers.mjs)', () => {
  const forged = { 'x-forwarded-for': '192.0.2.1', 'x-real-ip': '192.0.2.2', 'x-forwarded-host': 'evil.example', 'x-request-id': 'forged', 'x-qiao-peer': '192.0.2.3' };

  it('drops forwarded headers from a peer it does not trust, and names the real peer', async () => {
    const seen = await headersSeen('', forged);
    expect(seen['x-qiao-peer']).toBe('127.0.0.1');
    for (const name of ['x-forwarded-for', 'x-real-ip', 'x-forwarded-host', 'x-request-id']) expect(seen[name], name).toBeUndefined();
  });

  it('keeps them from a trusted proxy, but never a peer name the client chose', async () => {
    const seen = await headersSeen('loopback', forged);
    expect(seen['x-forwarded-for']).toBe('192.0.2.1');
    expect(seen['x-request-id']).toBe('forged');
    expect(seen['x-qiao-peer']).toBe('127.0.0.1');
  });
});
