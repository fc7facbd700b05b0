import { describe, expect, it } from 'vitest';
import { isPrivatePage, newNonce, privatePagePolicy } from '@/lib/csp';

describe('the private pages’ Content-Security-Policy', () => {
  it('covers the volunteer, reviewer and admin pages in both languages, and nothing public', () => {
    for (const path of ['/en/translate', '/zh/translate/abc', '/en/review/x', '/zh/account', '/en/admin', '/zh/admin/posts']) {
      expect(isPrivatePage(path), path).toBe(true);
    }
    for (const path of ['/en', '/en/blog/translate', '/zh/search', '/en/administrator', '/en/sign-in', '/fr/admin', '/admin']) {
      expect(isPrivatePage(path), path).toBe(false);
    }
  });

  it('allows only scripts with this request’s nonce, never inline ones without it', () => {
    const nonce = newNonce();
    const policy = privatePagePolicy(nonce);
    const scripts = policy.split('; ').find((d) => d.startsWith('script-src'));
    expect(scripts).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'self'");
  });

  it('makes a different, unguessable nonce every time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });
});
