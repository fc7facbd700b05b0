export type Partner = { name: string; url: string | null; logo: string | null };

/**
 * A link that is safe to put in an href: http(s) only. New events only accept https, but events
 * imported from `_events.yml` may carry older http links, and nothing else may ever get through.
 */
export function safeLinkUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}
