import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
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

  it('names each of Next’s inline scripts by the hash of its text, once, and no script loaded from a file, nor JSON-LD', () => {
    expect(inlineScriptHashes(page)).toEqual([sha256('(self.__next_f=self.__next_f||[]).push([0])'), sha256('self.__next_f.push([1,"模型 \\u003c/script\\u003e"])')]);
  });

  it('reads a script’s text as the browser does: line endings normalized, entities left alone', () => {
    const html = '<body><script>self.__next_f.push([0]);\r\nself.__next_f.push([1,"&amp;"])</script></body>';
    expect(inlineScriptHashes(html)).toEqual([sha256('self.__next_f.push([0]);\nself.__next_f.push([1,"&amp;"])')]);
  });

  it('allows those scripts and files from the site, and nothing inline besides', () => {
    const policy = cachedPagePolicy(page);
    expect(scriptSrc(policy)).toBe(`script-src 'self' ${inlineScriptHashes(page).join(' ')}`);
    expect(scriptSrc(policy)).not.toMatch(/unsafe-(inline|eval)|'nonce-|strict-dynamic/);
    expect(cachedPagePolicy('<p>no scripts</p>')).toContain("script-src 'self';");
  });
});

describe('a stored page with a script that is not the framework’s', () => {
  // A real page of this site as the page cache stores it (an event, with its JSON-LD), from a
  // production build of Next 16: Turbopack's bootstrap, the flight data, a JSON-LD block.
  const real = readFileSync(path.join(process.cwd(), 'tests/fixtures/pages/cached-event-page.html'), 'utf8');
  const inline = [...real.matchAll(/<script(?: id="_R_")?>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);

  it('hashes every inline script Next wrote into a real page, and only those', () => {
    expect(inline.length).toBeGreaterThan(3);
    expect(inline.some((text) => text.startsWith('(globalThis["TURBOPACK"]'))).toBe(true);
    expect(inlineScriptHashes(real)).toEqual(inline.map(sha256));
    const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(real)![1]!;
    expect(inlineScriptHashes(real)).not.toContain(sha256(jsonLd));
  });

  const INJECTED: [string, (html: string) => string][] = [
    ['a script in the rendered event', (html) => html.replace('</article>', '<script>alert("in the body")</script></article>')],
    ['flight data in the rendered event', (html) => html.replace('</article>', '<script>self.__next_f.push([1,"a:[\\"$\\",\\"script\\"]"])</script></article>')],
    ['a script that closed the page’s elements first', (html) => html.replace('</article>', '</article></main></div><script>alert("broke out")</script>')],
    ['code dressed as flight data', (html) => html.replace('</body>', '<script>self.__next_f.push([1,alert("call")])</script></body>')],
    ['flight data with code after it', (html) => html.replace('</body>', '<script>self.__next_f.push([1,"x"]);alert("after")</script></body>')],
    ['a React runtime of its own', (html) => html.replace('</body>', '<script>$RC=function(){alert("runtime")};$RC("B:0","S:0")</script></body>')],
    ['the bootstrap’s id on other code', (html) => html.replace('</body>', '<script id="_R_">alert("id")</script></body>')],
    ['flight data as a module', (html) => html.replace('</body>', '<script type="module">self.__next_f.push([1,"x"])</script></body>')],
  ];

  for (const [what, inject] of INJECTED) {
    it(`never hashes ${what}`, () => {
      const html = inject(real);
      expect(html).not.toBe(real);
      expect(inlineScriptHashes(html)).toEqual(inlineScriptHashes(real));
    });
  }

  it('hashes React’s streaming instructions for a boundary that finishes after the shell', async () => {
    const html = await renderWithLateBoundary();
    const scripts = [...html.matchAll(/<script(?: id="_R_")?>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts.some((text) => text.includes('$RC("B:0","S:0")'))).toBe(true);
    expect(inlineScriptHashes(html)).toEqual(scripts.map(sha256));
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

/** A page with a Suspense boundary that resolves after the shell, streamed by the React Next renders with. */
async function renderWithLateBoundary(): Promise<string> {
  const { createElement, Suspense } = await import('react');
  // Next's own copy of React's server renderer, which has no type declarations of its own.
  const server = 'next/dist/compiled/react-dom/server.node';
  const { renderToPipeableStream } = (await import(server)) as typeof import('react-dom/server');
  const { Writable } = await import('node:stream');
  let release = () => {};
  const ready = new Promise<void>((resolve) => (release = resolve));
  let done = false;
  const Late = () => {
    if (!done) throw ready;
    return createElement('p', null, 'late');
  };
  const tree = createElement('html', null, createElement('body', null, createElement(Suspense, { fallback: 'wait' }, createElement(Late))));
  return new Promise((resolve, reject) => {
    let out = '';
    const stream = renderToPipeableStream(tree, {
      onShellReady() {
        stream.pipe(new Writable({ write: (chunk, _enc, next) => ((out += chunk), next()), final: (next) => (resolve(out), next()) }));
        done = true;
        release();
      },
      onError: reject,
    });
  });
}
