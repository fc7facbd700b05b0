import { isLocale, locales } from '@/lib/i18n/routing';
import { buildFeed, FEED_HEADERS } from '@/lib/feeds/build-feed';

export const revalidate = 60;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function GET(_request: Request, { params }: RouteContext<'/feed/[locale]/rss.xml'>) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response('Not found', { status: 404 });
  const feed = await buildFeed(locale);
  return new Response(feed.rss2(), { headers: { ...FEED_HEADERS, 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
