import { isLocale, locales } from '@/lib/i18n/routing';
import { calendarResponse, eventsCalendar } from '@/lib/feeds/event-feeds';

// Calendar clients poll subscriptions; a minute of caching costs nothing in freshness.
export const revalidate = 60;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function GET(_request: Request, { params }: RouteContext<'/feed/[locale]/events.ics'>) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response('Not found', { status: 404 });
  return calendarResponse(await eventsCalendar(locale), `qiao-events-${locale}.ics`, 300);
}
