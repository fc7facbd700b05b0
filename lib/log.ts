/**
 * One JSON object per line: what the portal's own code logs, next to nginx's JSON access log.
 * `requestId` is nginx's X-Request-Id where the caller has the request (see instrumentation.ts),
 * so an error can be found in both logs.
 */
export type LogLevel = 'info' | 'warn' | 'error';

export function logEvent(level: LogLevel, msg: string, fields: Record<string, unknown> = {}) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  // console rather than process.stdout: this also runs where Next's Edge runtime compiles it.
  if (level === 'info') console.log(line);
  else if (level === 'warn') console.warn(line);
  else console.error(line);
}

export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
