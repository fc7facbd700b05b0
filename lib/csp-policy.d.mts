/** The Content-Security-Policy of an uploaded file (see csp-policy.mjs). */
export const UPLOAD_POLICY: string;
/** A page's Content-Security-Policy, allowing the scripts these sources name (see csp-policy.mjs). */
export function pagePolicy(scriptSources: readonly string[]): string;
