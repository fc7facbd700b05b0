import { readImage } from '@/lib/uploads/store';
import { UPLOAD_POLICY } from '@/lib/csp-policy.mjs';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: RouteContext<'/uploads/[file]'>) {
  const { file } = await params;
  const image = await readImage(file);
  if (!image) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
  return new Response(new Uint8Array(image.data), {
    headers: {
      'Content-Type': image.contentType,
      'X-Content-Type-Options': 'nosniff',
      // Names are random and never reused, so a stored file never changes.
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Content-Security-Policy': UPLOAD_POLICY,
    },
  });
}
