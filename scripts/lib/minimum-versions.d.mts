export type BelowMinimum = { name: string; path: string; version: string; minimum: string };
/** Installed copies of pinned packages in the production tree that are older than their pin. */
export function belowMinimum(root: string, pins: Record<string, { minimum: string }>): BelowMinimum[];
/** The same, with the repository's pins (scripts/security/minimum-versions.json). */
export function checkMinimumVersions(root: string): BelowMinimum[];
