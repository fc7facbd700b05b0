import { getTranslations } from 'next-intl/server';
import type { EventView } from '@/lib/dal/events';
import type { Locale } from '@/lib/i18n/routing';
import { formatEventMoment, formatEventRange, zoneOffsetLabel } from '@/lib/events/format';
import { ClientMessages } from '@/components/ui/client-messages';
import { ViewerTime } from '@/components/events/viewer-time';
import { MODE_KEY } from '@/lib/events/labels';
import { webcalUrl } from '@/components/events/feed-links';

type Registration = { kind: 'open'; url: string } | { kind: 'closed' | 'ended' | 'cancelled' | 'none' };

function registration(event: EventView, now: Date): Registration {
  if (event.cancelled) return { kind: 'cancelled' };
  if (new Date(event.endsAt) < now) return { kind: 'ended' };
  if (!event.registrationUrl) return { kind: 'none' };
  if (event.registrationDeadline && new Date(event.registrationDeadline) < now) return { kind: 'closed' };
  return { kind: 'open', url: event.registrationUrl };
}

/** When, where, how to register and how to put it in a calendar. */
export async function EventDetails({ event, locale }: { event: EventView; locale: Locale }) {
  const t = await getTranslations('Events');
  const modes = await getTranslations('EventMode');
  const reg = registration(event, new Date());
  const place = [event.venueName, event.venueAddress, event.city].filter(Boolean);
  return (
    <aside className="space-y-5 rounded-lg border border-stone-200 bg-white p-5 text-sm">
      <dl className="space-y-4">
        <div>
          <dt className="font-semibold text-stone-900">{t('when')}</dt>
          <dd className="mt-1 space-y-1">
            <p>
              <time dateTime={event.startsAt}>{formatEventRange(event.startsAt, event.endsAt, event.timeZone, locale)}</time>
            </p>
            <p className="text-stone-600">{t('zoneLabel', { zone: event.timeZone, offset: zoneOffsetLabel(event.startsAt, event.timeZone, locale) })}</p>
            <ClientMessages namespaces={['EventTime']}>
              <ViewerTime startsAt={event.startsAt} endsAt={event.endsAt} eventZone={event.timeZone} />
            </ClientMessages>
          </dd>
        </div>
        <div>
          <dt className="font-semibold text-stone-900">{t('where')}</dt>
          <dd className="mt-1 space-y-0.5">
            <p>{modes(MODE_KEY[event.mode])}</p>
            {event.mode !== 'ONLINE' && place.map((line) => <p key={line}>{line}</p>)}
          </dd>
        </div>
        {event.capacity !== null && (
          <div>
            <dt className="font-semibold text-stone-900">{t('capacity')}</dt>
            <dd className="mt-1">{t('places', { count: event.capacity })}</dd>
          </div>
        )}
      </dl>
      <div className="space-y-2 border-t border-stone-200 pt-4">
        {reg.kind === 'open' && (
          <>
            <a href={reg.url} rel="noopener noreferrer" className="block rounded-md bg-brand-700 px-4 py-2 text-center font-semibold text-white hover:bg-brand-800">
              {t('register')}
            </a>
            {event.registrationDeadline && (
              <p className="text-stone-600">{t('registerBy', { date: formatEventMoment(event.registrationDeadline, event.timeZone, locale) })}</p>
            )}
          </>
        )}
        {reg.kind === 'closed' && <p className="font-medium text-stone-700">{t('registrationClosed')}</p>}
        {reg.kind === 'ended' && <p className="font-medium text-stone-700">{t('ended')}</p>}
        <a
          href={`/${locale}/events/${event.slug}/calendar.ics`}
          download={`${event.slug}.ics`}
          className="block rounded-md border border-stone-300 bg-white px-4 py-2 text-center font-medium hover:border-brand-600"
        >
          {t('addToCalendar')}
        </a>
        <a href={webcalUrl(locale)} className="block text-center text-brand-700 underline">
          {t('subscribe')}
        </a>
      </div>
    </aside>
  );
}
