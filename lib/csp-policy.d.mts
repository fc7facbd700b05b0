/** A page's Content-Security-Policy, allowing the scripts these sources name (see csp-policy.mjs). */
export function pagePolicy(scriptSources: readonly string[]): string;
