// The policy of a page served from the page cache. One rendering is sent to every visitor, so a
// per-request nonce cannot be in it; instead the policy names each of its inline scripts by hash
// (Next's bootstrap and its flight data), and a script anyone slipped into the page matches none.
import { createHash } from 'node:crypto';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { pagePolicy } from './csp-policy.mjs';

/**
 * The CSP source of every inline script in the page, once each, in page order: the SHA-256 of
 * the script's text as the browser's HTML parser reads it (the same parser's rules, parse5).
 */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  visit(fromHtml(html), 'element', (node) => {
    if (node.tagName !== 'script' || node.properties.src !== undefined) return;
    hashes.add(`'sha256-${createHash('sha256').update(toString(node)).digest('base64')}'`);
  });
  return [...hashes];
}

export function cachedPagePolicy(html) {
  return pagePolicy(inlineScriptHashes(html));
}
