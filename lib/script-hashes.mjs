// The policy of a page served from the page cache. One rendering is sent to every visitor, so a
// per-request nonce cannot be in it; instead the policy names each of its inline scripts by hash
// (Next's bootstrap and its flight data), and a script anyone slipped into the page matches none.
import { createHash } from 'node:crypto';
import { parse } from 'parse5';
import { pagePolicy } from './csp-policy.mjs';

/**
 * The CSP source of every inline script in the page, once each, in page order: the SHA-256 of
 * the script's text as the browser reads it (parse5 is the HTML standard's parsing algorithm).
 */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  const visit = (node) => {
    if (node.nodeName === 'script' && !node.attrs.some((attr) => attr.name === 'src')) {
      const text = node.childNodes.map((child) => child.value ?? '').join('');
      hashes.add(`'sha256-${createHash('sha256').update(text).digest('base64')}'`);
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parse(html));
  return [...hashes];
}

export function cachedPagePolicy(html) {
  return pagePolicy(inlineScriptHashes(html));
}
