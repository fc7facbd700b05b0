/** `'sha256-…'` of each of the framework's inline scripts in a page, for its Content-Security-Policy. */
export function inlineScriptHashes(html: string): string[];
/** The policy of a page from the page cache: only the framework's inline scripts run (see script-hashes.mjs). */
export function cachedPagePolicy(html: string): string;
