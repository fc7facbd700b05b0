import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isCachedPage, newNonce, renderedPagePolicy } from '@/lib/csp';
import { cachedPagePolicy, inlineScriptHashes } from '@/lib/script-hashes.mjs';
import { ALLOWED_IFRAME_HOSTS, isAllowedIframeSrc } from '@/lib/markdown/render';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const scriptSrc = (policy: string) => policy.split('; ').find((d) => d.startsWith('script-src'));

describe('which pages come from the page cache', () => {
  it('is the public pages Next caches, in both languages, and nothing rendered per request', () => {
    for (const path of ['/en', '/zh/', '/en/blog', '/zh/blog/fine-tuning', '/en/blog-pages/3', '/en/events/meetup', '/zh/search', '/en/search-results/1/lora', '/en/forgot-password']) {
      expect(isCachedPage(path), path).toBe(true);
    }
    for (const path of ['/en/translate', '/zh/admin/posts', '/en/account', '/en/sign-in', '/en/events', '/en/channels', '/en/tags/x', '/en/blog-untranslated/x', '/en/no-such-page', '/en/blog/x/y', '/fr/blog', '/blog']) {
      expect(isCachedPage(path), path).toBe(false);
    }
  });
});

describe('a page rendered per request', () => {
  it('allows only scripts with this request’s nonce, never inline ones without it', () => {
    const nonce = newNonce();
    const policy = renderedPagePolicy(nonce);
    expect(scriptSrc(policy)).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
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

describe('a page from the page cache', () => {
  const page = [
    '<!DOCTYPE html><html><head><script src="/_next/static/chunks/main.js" async></script>',
    '<script>(self.__next_f=self.__next_f||[]).push([0])</script></head>',
    '<body><p>博客</p><script>self.__next_f.push([1,"模型 \\u003c/script\\u003e"])</script>',
    '<script type="application/ld+json">{"@type":"Event"}</script>',
    '<script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>',
  ].join('');

  it('names each inline script by the hash of its text, once, and no script loaded from a file', () => {
    expect(inlineScriptHashes(page)).toEqual([
      sha256('(self.__next_f=self.__next_f||[]).push([0])'),
      sha256('self.__next_f.push([1,"模型 \\u003c/script\\u003e"])'),
      sha256('{"@type":"Event"}'),
    ]);
  });

  it('reads a script’s text as the browser does: line endings normalized, entities left alone', () => {
    expect(inlineScriptHashes('<script>a=1;\r\nb="&amp;"</script>')).toEqual([sha256('a=1;\nb="&amp;"')]);
  });

  it('allows those scripts and files from the site, and nothing inline besides', () => {
    const policy = cachedPagePolicy(page);
    expect(scriptSrc(policy)).toBe(`script-src 'self' ${inlineScriptHashes(page).join(' ')}`);
    expect(scriptSrc(policy)).not.toMatch(/unsafe-(inline|eval)|'nonce-|strict-dynamic/);
    expect(cachedPagePolicy('<p>no scripts</p>')).toContain("script-src 'self';");
  });
});

describe('what a page may load besides scripts', () => {
  it('frames exactly the players the sanitizer keeps in a post, over https', () => {
    const frames = renderedPagePolicy(newNonce()).split('; ').find((d) => d.startsWith('frame-src'))!.split(' ').slice(1);
    expect(frames[0]).toBe("'self'");
    for (const source of frames.slice(1)) {
      const example = source.replace('*.', 'demo.');
      expect(isAllowedIframeSrc(`${example}/embed/x`), source).toBe(true);
    }
    for (const host of ALLOWED_IFRAME_HOSTS) expect(frames).toContain(`https://${host}`);
    expect(frames.some((f) => f === 'https:' || f === '*')).toBe(false);
  });
});
