import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { listAdminEvents } from '@/lib/dal/events-admin';
import { formatEventMoment } from '@/lib/events/format';
import { STATUS_KEY, TYPE_KEY } from '@/lib/events/labels';
import { duplicateEventAction } from '@/lib/actions/events';
import { adminMetadata, openAdminPage, readPagedQuery } from '@/components/admin/admin-page';
import { ClientMessages } from '@/components/ui/client-messages';
import { Pagination } from '@/components/ui/pagination';
import { EventActionButton } from '@/components/events/action-button';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('EventAdmin', 'title');

export default async function AdminEventsPage({ params, searchParams }: PageProps<'/[locale]/admin/events'>) {
  const { locale } = await openAdminPage(params);
  const { query, page } = await readPagedQuery(searchParams);
  const events = await listAdminEvents(page, locale);
  const t = await getTranslations('EventAdmin');
  const types = await getTranslations('EventType');
  const statuses = await getTranslations('EventStatus');
  const notice = (['saved', 'cancelled', 'deleted'] as const).find((k) => typeof query[k] === 'string');

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t('title')}</h1>
        <Link href="/admin/events/new" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          {t('newEvent')}
        </Link>
      </div>
      <div role="status" className={notice ? 'rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900' : undefined}>
        {notice && t(`notice.${notice}`, { slug: String(query[notice]) })}
      </div>
      {events.items.length === 0 ? (
        <p className="text-stone-600">{t('empty')}</p>
      ) : (
        <ClientMessages namespaces={['EventForm', 'FormErrors']}>
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('title')}</caption>
            <thead className="border-b border-stone-200 bg-stone-50 text-stone-700">
              <tr>
                <th scope="col" className="px-3 py-2">{t('columns.event')}</th>
                <th scope="col" className="px-3 py-2">{t('columns.status')}</th>
                <th scope="col" className="px-3 py-2">{t('columns.starts')}</th>
                <th scope="col" className="px-3 py-2">{t('columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {events.items.map((e) => (
                <tr key={e.id} className="border-b border-stone-100 align-top last:border-0">
                  <td className="px-3 py-2">
                    <span className="font-medium">{e.title}</span>
                    <span className="block text-xs text-stone-600">
                      {types(TYPE_KEY[e.type])} · {e.locales.join(', ')} · /{e.slug}
                    </span>
                  </td>
                  <td className="px-3 py-2">
                    <span className={e.status === 'CANCELLED' ? 'font-medium text-red-800' : undefined}>{statuses(STATUS_KEY[e.status])}</span>
                    {e.status === 'SCHEDULED' && e.publishAt && (
                      <span className="block text-xs text-stone-600">
                        {t(e.live ? 'liveSince' : 'publishesAt', { date: formatEventMoment(e.publishAt, e.timeZone, locale) })}
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {formatEventMoment(e.startsAt, e.timeZone, locale)}
                    <span className="block text-xs text-stone-600">{e.timeZone}</span>
                  </td>
                  <td className="px-3 py-2">
                    <div className="flex flex-wrap items-center gap-2">
                      <Link href={`/admin/events/${e.id}/edit`} className="text-brand-700 underline">{t('edit')}</Link>
                      {e.live && <Link href={`/events/${e.slug}`} className="text-brand-700 underline">{t('view')}</Link>}
                      <EventActionButton action={duplicateEventAction} id={e.id} label={t('duplicate')} />
                      {e.status !== 'CANCELLED' && <Link href={`/admin/events/${e.id}/cancel`} className="text-red-800 underline">{t('cancel')}</Link>}
                      <Link href={`/admin/events/${e.id}/delete`} className="text-red-800 underline">{t('delete')}</Link>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        </ClientMessages>
      )}
      <Pagination path="/admin/events" page={events.page} pages={events.pages} />
    </>
  );
}
