export function freePort(): Promise<number>;
/** Waits until `url` answers below 500, or throws when `child` exits or time runs out. */
export function waitForHttp(url: string, child?: { exitCode: number | null } | null, timeoutMs?: number): Promise<void>;
