/** `'sha256-…'` of each inline script in a page, for its Content-Security-Policy. */
export function inlineScriptHashes(html: string): string[];
/** The policy of a page from the page cache: only its own inline scripts run (see script-hashes.mjs). */
export function cachedPagePolicy(html: string): string;
