import { locales } from '@/lib/i18n/routing';

/**
 * Pages rendered for one signed-in person on every request (the volunteer's, reviewer's and
 * admin's): they get a Content-Security-Policy with a fresh nonce, and only scripts carrying it
 * (Next's own, which it nonces when it renders) or loaded by them may run.
 *
 * Public pages are served from the page cache, rendered once for everyone: a per-request nonce
 * cannot be in them, so they keep the policy in next.config.ts (framing, base URI, plugins) and
 * rely on the sanitizing of every stored HTML fragment.
 */
const PRIVATE_PAGE = new RegExp(`^/(?:${locales.join('|')})/(?:translate|review|account|admin)(?:/|$)`);

export function isPrivatePage(pathname: string): boolean {
  return PRIVATE_PAGE.test(pathname);
}

export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

export function privatePagePolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // Inline style attributes (React, Tailwind) are not scripts.
    "style-src 'self' 'unsafe-inline'",
    // A translation's preview shows the images its Markdown links to.
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}
