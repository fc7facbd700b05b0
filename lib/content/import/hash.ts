import { createHash } from 'node:crypto';

// Bump when the mapping from files to rows changes, so that the next import rewrites every post
// instead of trusting hashes of the old mapping.
const MAPPING_VERSION = 1;

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** A stable digest of plain data: key order and `undefined` fields do not change it. */
export function contentHash(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([MAPPING_VERSION, canonical(value)]))
    .digest('base64url')
    .slice(0, 32);
}
