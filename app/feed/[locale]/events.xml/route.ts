import { isLocale, locales } from '@/lib/i18n/routing';
import { eventsRss } from '@/lib/feeds/event-feeds';
import { FEED_HEADERS } from '@/lib/feeds/build-feed';

export const revalidate = 60;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function GET(_request: Request, { params }: RouteContext<'/feed/[locale]/events.xml'>) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response('Not found', { status: 404 });
  return new Response(await eventsRss(locale), { headers: { ...FEED_HEADERS, 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
