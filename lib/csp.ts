import { locales } from '@/lib/i18n/routing';
import { pagePolicy } from '@/lib/csp-policy.mjs';

/**
 * Every page gets a Content-Security-Policy that lets only Next's own scripts run; which way they
 * are named depends on how the page is rendered.
 *
 * - Public pages served from the page cache are rendered once for every visitor: the cache names
 *   their inline scripts by hash when it stores them (cache-handler.mjs, lib/script-hashes.mjs).
 * - Every other page (a volunteer's, a reviewer's or an admin's, sign-in, a 404) is rendered per
 *   request with a fresh nonce: the proxy puts it in the request's policy, Next puts it on every
 *   script it renders, and the browser gets the same policy.
 *
 * A page listed here that is rendered per request would have no script policy, and one left out
 * that is cached would keep its first visitor's nonce and run no script after: tests/e2e/csp.spec.ts
 * visits every kind of page twice and would fail on either.
 */
const CACHED_PAGE = new RegExp(
  `^/(?:${locales.join('|')})(?:/(?:blog|blog/[^/]+|blog-pages/[^/]+|events/[^/]+|forgot-password|search|search-results/[^/]+/[^/]+))?/?$`,
);

/** Whether the page at this path (after the proxy's rewrites) is served from the page cache. */
export function isCachedPage(pathname: string): boolean {
  return CACHED_PAGE.test(pathname);
}

export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

/** Scripts with this nonce, and what they load ('strict-dynamic'), run; nothing else does. */
export function renderedPagePolicy(nonce: string): string {
  return pagePolicy([`'nonce-${nonce}'`, "'strict-dynamic'"]);
}
