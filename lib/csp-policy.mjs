// The Content-Security-Policy of every page. Plain JavaScript, because two places that are not
// compiled by Next use it too: cache-handler.mjs and lib/script-hashes.mjs.
import { ALLOWED_IFRAME_HOSTS } from './markdown/embeds.mjs';

/**
 * The policy of an uploaded file (app/uploads): nothing in it may load or run anything, even when
 * it is opened on its own. It is the whole policy of those responses: next.config.ts gives them no
 * other, as the site's would take its place.
 */
export const UPLOAD_POLICY = "default-src 'none'; sandbox; frame-ancestors 'self'";

/**
 * A page's policy, given what names the scripts it may run: a nonce (a page rendered for one
 * request, lib/csp.ts) or the hashes of its inline scripts (a page from the page cache,
 * lib/script-hashes.mjs). No `unsafe-inline` and no `unsafe-eval` for scripts, ever.
 */
export function pagePolicy(scriptSources) {
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...scriptSources].join(' '),
    // Inline style attributes (React, Tailwind) are not scripts.
    "style-src 'self' 'unsafe-inline'",
    // Posts and a translation's preview show the images, audio and video their Markdown links
    // to, and the players the sanitizer lets them embed.
    "img-src 'self' data: blob: https:",
    "media-src 'self' https:",
    ['frame-src', "'self'", ...ALLOWED_IFRAME_HOSTS.map((host) => `https://${host}`)].join(' '),
    "font-src 'self' data:",
    // The editor checks blocks on a Web Worker of its own scripts ('strict-dynamic' does not
    // extend to workers).
    "worker-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}
