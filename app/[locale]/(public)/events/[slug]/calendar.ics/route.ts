import { isLocale } from '@/lib/i18n/routing';
import { calendarResponse, eventCalendar } from '@/lib/feeds/event-feeds';

// Always fresh: after a cancellation the next download must carry STATUS:CANCELLED and the
// higher SEQUENCE. One small query per download.
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/events/[slug]/calendar.ics'>) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return new Response('Not found', { status: 404 });
  const body = await eventCalendar(slug, locale);
  if (!body) return new Response('Not found', { status: 404 });
  return calendarResponse(body, `${slug}.ics`, 0);
}
