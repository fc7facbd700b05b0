// The policy of a page served from the page cache. One rendering is sent to every visitor, so a
// per-request nonce cannot be in it; instead the policy names each of the framework's inline
// scripts by hash (Next's bootstrap and its flight data, React's streaming instructions: see
// lib/framework-scripts.mjs). A script anyone slipped into the stored page matches none, even one
// that reached it before the page was stored: it is never hashed.
import { createHash } from 'node:crypto';
import { parse } from 'parse5';
import { pagePolicy } from './csp-policy.mjs';
import { isFrameworkScriptText } from './framework-scripts.mjs';

/** The framework writes its scripts straight into <head> and <body>, with no attribute but an id. */
function frameworkScripts(document) {
  const root = document.childNodes.find((node) => node.nodeName === 'html');
  const sections = (root?.childNodes ?? []).filter((node) => node.nodeName === 'head' || node.nodeName === 'body');
  return sections
    .flatMap((section) => section.childNodes)
    .filter((node) => node.nodeName === 'script' && node.attrs.every((attr) => attr.name === 'id'))
    .map((node) => node.childNodes.map((child) => child.value ?? '').join(''))
    .filter(isFrameworkScriptText);
}

/**
 * The CSP source of each of the framework's inline scripts in the page, once each, in page order:
 * the SHA-256 of the script's text as the browser reads it (parse5 is the HTML standard's parsing
 * algorithm).
 */
export function inlineScriptHashes(html) {
  const hashes = new Set(frameworkScripts(parse(html)).map((text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`));
  return [...hashes];
}

export function cachedPagePolicy(html) {
  return pagePolicy(inlineScriptHashes(html));
}
