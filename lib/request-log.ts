import 'server-only';
import { headers } from 'next/headers';
import { logEvent, type LogLevel } from '@/lib/log';

/**
 * A log line about the request being answered, with the id nginx gave it (X-Request-Id), so it
 * can be found beside the request in nginx's access log. For actions, route handlers and their
 * `after()` work only: never while a cached page renders, where reading the headers would make
 * the page dynamic.
 */
export async function logRequestEvent(level: LogLevel, msg: string, fields: Record<string, unknown> = {}) {
  let requestId: string | undefined;
  try {
    requestId = (await headers()).get('x-request-id') ?? undefined;
  } catch {
    // Outside a request (a script, a test): the line goes out without an id.
  }
  logEvent(level, msg, { requestId, ...fields });
}
