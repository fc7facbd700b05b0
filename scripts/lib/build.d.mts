/** A hash of every file the production build is made from (see build.mjs). */
export function sourceHash(): string;
export function buildIsCurrent(): boolean;
export function markBuilt(): void;
