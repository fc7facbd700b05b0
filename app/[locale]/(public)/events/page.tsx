import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { listEvents } from '@/lib/dal/events';
import { parseEventQuery } from '@/lib/events/query';
import { absoluteUrl, alternatesFor } from '@/lib/site';
import { EventCard } from '@/components/events/event-card';
import { EventFilters } from '@/components/events/event-filters';
import { FeedLinks } from '@/components/events/feed-links';
import { Pagination } from '@/components/ui/pagination';

// Rendered per request: "upcoming" depends on the clock, and a scheduled event must show up
// as soon as its time comes.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/events'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Events' });
  const alternates = alternatesFor(locale, '/events');
  return {
    title: t('title'),
    description: t('description'),
    alternates: {
      ...alternates,
      types: {
        'text/calendar': [{ url: absoluteUrl(`/feed/${locale}/events.ics`), title: t('calendarFeedTitle') }],
        'application/rss+xml': [{ url: absoluteUrl(`/feed/${locale}/events.xml`), title: t('rssFeedTitle') }],
      },
    },
  };
}

export default async function EventsPage({ params, searchParams }: PageProps<'/[locale]/events'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const query = parseEventQuery(await searchParams);
  if (!query) notFound();
  const events = await listEvents(locale, query);
  if (query.page > events.pages) notFound();
  const t = await getTranslations('Events');
  const filtered = query.type !== null || query.attendance !== null;

  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">{t('heading')}</h1>
          <p className="mt-2 max-w-2xl text-stone-700">{t('intro')}</p>
        </div>
        <FeedLinks locale={locale} />
      </div>
      <EventFilters query={query} />
      <h2 className="sr-only">{query.when === 'upcoming' ? t('upcoming') : t('past')}</h2>
      {events.items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">
          <p>{filtered ? t('emptyFiltered') : query.when === 'upcoming' ? t('emptyUpcoming') : t('emptyPast')}</p>
          {query.when === 'upcoming' && !filtered && (
            <Link href={{ pathname: '/events', query: { when: 'past' } }} className="mt-2 inline-block text-brand-700 underline">
              {t('seePast')}
            </Link>
          )}
        </div>
      ) : (
        <ul className="grid gap-4">
          {events.items.map((event) => (
            <li key={event.id}>
              <EventCard event={event} viewer={locale} />
            </li>
          ))}
        </ul>
      )}
      <Pagination
        path="/events"
        page={events.page}
        pages={events.pages}
        query={Object.fromEntries(
          Object.entries({ when: query.when === 'past' ? 'past' : undefined, type: query.type?.toLowerCase(), attendance: query.attendance ?? undefined }).filter(
            (e): e is [string, string] => e[1] !== undefined,
          ),
        )}
      />
    </>
  );
}
