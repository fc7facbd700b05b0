/** Arguments and environment of `next start` on `port` and `host`, with the peer-headers preload. */
export function nextStart(options: { port: number | string; host?: string; trustedProxies?: string }): { args: string[]; env: Record<string, string> };
