// Request bodies read by route handlers, with a ceiling: an unauthenticated client must not make
// the server hold megabytes (next-auth reads a whole body before it looks at it).

export class BodyTooLarge extends Error {
  constructor() {
    super('request body too large');
  }
}

/**
 * The body as text, at most `limit` bytes. A declared Content-Length over the limit is refused
 * before a byte is read; a body without one is read until it passes the limit, then dropped.
 */
export async function readBodyCapped(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge();
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

export const tooLargeResponse = () => Response.json({ error: 'PayloadTooLarge' }, { status: 413, headers: { 'Cache-Control': 'no-store', Connection: 'close' } });
