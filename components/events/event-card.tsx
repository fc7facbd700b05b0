import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import type { EventCard as EventCardDto } from '@/lib/dal/events';
import type { Locale } from '@/lib/i18n/routing';
import { HREFLANG_OF } from '@/components/events/hreflang';
import { dateBadge, formatEventRange, zoneOffsetLabel } from '@/lib/events/format';
import { MODE_KEY, TYPE_KEY } from '@/lib/events/labels';

export async function EventCard({ event, viewer }: { event: EventCardDto; viewer: Locale }) {
  const t = await getTranslations('Events');
  const types = await getTranslations('EventType');
  const modes = await getTranslations('EventMode');
  const badge = dateBadge(event.startsAt, event.timeZone, viewer);
  const place = [event.city, event.venueName].filter(Boolean).join(' · ');
  return (
    <article className="flex gap-4 rounded-lg border border-stone-200 bg-white p-5 shadow-sm" lang={event.locale === viewer ? undefined : HREFLANG_OF[event.locale]}>
      <div aria-hidden="true" className="flex h-16 w-16 shrink-0 flex-col items-center justify-center rounded-md bg-brand-50 text-brand-800">
        <span className="text-xs font-semibold uppercase">{badge.month}</span>
        <span className="text-2xl font-bold leading-none">{badge.day}</span>
        <span className="text-[0.65rem] text-brand-900">{badge.year}</span>
      </div>
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap gap-2 text-xs font-medium text-stone-600">
          <span className="rounded-full bg-stone-100 px-2 py-0.5">{types(TYPE_KEY[event.type])}</span>
          <span className="rounded-full bg-stone-100 px-2 py-0.5">{modes(MODE_KEY[event.mode])}</span>
          {event.cancelled && <span className="rounded-full bg-red-100 px-2 py-0.5 font-semibold text-red-800">{t('cancelled')}</span>}
        </p>
        <h2 className="mt-2 text-lg font-semibold leading-snug">
          <Link href={`/events/${event.slug}`} className={`hover:text-brand-700 ${event.cancelled ? 'line-through decoration-1' : ''}`}>
            {event.title}
          </Link>
        </h2>
        <p className="mt-1 text-sm text-stone-700">
          <time dateTime={event.startsAt}>{formatEventRange(event.startsAt, event.endsAt, event.timeZone, viewer)}</time>{' '}
          <span className="text-stone-500">({t('zoneLabel', { zone: event.timeZone, offset: zoneOffsetLabel(event.startsAt, event.timeZone, viewer) })})</span>
        </p>
        {place && <p className="mt-1 text-sm text-stone-600">{place}</p>}
        {event.summary && <p className="mt-2 line-clamp-2 text-stone-700">{event.summary}</p>}
      </div>
    </article>
  );
}
