import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { getPublicEvent } from '@/lib/dal/events';
import { getSiteSettings } from '@/lib/dal/cached-site-settings';
import { absoluteUrl, alternatesFor, HREFLANG } from '@/lib/site';
import { eventJsonLd, jsonForScript } from '@/lib/events/json-ld';
import { EventDetails } from '@/components/events/event-details';
import { PartnerList } from '@/components/events/partner-list';
import { MODE_KEY, TYPE_KEY } from '@/lib/events/labels';

// Cached for a minute like posts; saving or cancelling an event revalidates it at once.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<'/[locale]/events/[slug]'>): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const event = await getPublicEvent(slug, locale);
  if (!event) return {};
  const t = await getTranslations({ locale, namespace: 'Events' });
  const image = event.coverImage ? absoluteUrl(event.coverImage) : undefined;
  const title = event.cancelled ? t('cancelledTitle', { title: event.title }) : event.title;
  return {
    title,
    description: event.summary ?? undefined,
    alternates: {
      ...alternatesFor(locale, `/events/${event.slug}`, event.locales.length ? event.locales : [locale]),
      types: { 'text/calendar': [{ url: absoluteUrl(`/${locale}/events/${event.slug}/calendar.ics`), title: t('addToCalendar') }] },
    },
    openGraph: { type: 'website', title, description: event.summary ?? undefined, url: absoluteUrl(`/${locale}/events/${event.slug}`), locale: HREFLANG[locale], images: image ? [{ url: image }] : undefined },
  };
}

export default async function EventPage({ params }: PageProps<'/[locale]/events/[slug]'>) {
  const { locale, slug } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const event = await getPublicEvent(slug, locale);
  if (!event) notFound();
  const t = await getTranslations('Events');
  const types = await getTranslations('EventType');
  const modes = await getTranslations('EventMode');
  const lang = await getTranslations('Languages');
  const site = await getSiteSettings(locale);
  const url = absoluteUrl(`/${locale}/events/${event.slug}`);
  const jsonLd = eventJsonLd({
    ...event,
    url,
    image: event.coverImage ? absoluteUrl(event.coverImage) : null,
    organizer: { name: site.title, url: absoluteUrl(`/${locale}`) },
    inLanguage: HREFLANG[event.locale],
  });

  return (
    <article lang={event.locale === locale ? undefined : HREFLANG[event.locale]}>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(jsonLd) }} />
      <p className="mb-3 text-sm" lang={HREFLANG[locale]}>
        <Link href="/events" className="text-brand-700 underline-offset-2 hover:underline">← {t('backToEvents')}</Link>
      </p>
      {event.cancelled && (
        <p role="status" className="mb-4 rounded-lg border-2 border-red-700 bg-red-50 p-4 font-semibold text-red-900" lang={HREFLANG[locale]}>
          {t('cancelledNotice')}
        </p>
      )}
      <header className="mb-6">
        <p className="flex flex-wrap gap-2 text-sm font-medium text-stone-600" lang={HREFLANG[locale]}>
          <span className="rounded-full bg-stone-100 px-2.5 py-0.5">{types(TYPE_KEY[event.type])}</span>
          <span className="rounded-full bg-stone-100 px-2.5 py-0.5">{modes(MODE_KEY[event.mode])}</span>
        </p>
        <h1 className="mt-3 text-3xl font-bold leading-tight tracking-tight sm:text-4xl">{event.title}</h1>
        {event.summary && <p className="mt-3 max-w-3xl text-lg text-stone-700">{event.summary}</p>}
        {event.alternates.length > 0 && (
          <p className="mt-2 text-sm">
            {event.alternates.map((a) => (
              <Link key={a.locale} href={`/events/${event.slug}`} locale={a.locale} lang={HREFLANG[a.locale]} className="text-brand-700 underline">
                {t('otherLanguage', { language: lang(a.locale) })}
              </Link>
            ))}
          </p>
        )}
      </header>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="order-2 lg:order-1">
          {event.coverImage && (
            // Covers come from any https host or the site itself; next/image would need each host listed.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={event.coverImage} alt={event.title} className="mb-6 w-full rounded-lg border border-stone-200" />
          )}
          <div className="prose prose-stone max-w-none" dangerouslySetInnerHTML={{ __html: event.html }} />
          <PartnerList partners={event.partners} />
        </div>
        <div className="order-1 lg:order-2" lang={HREFLANG[locale]}>
          <EventDetails event={event} locale={locale} />
        </div>
      </div>
    </article>
  );
}
