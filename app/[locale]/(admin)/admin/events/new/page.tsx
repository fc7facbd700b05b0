import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { createEventAction } from '@/lib/actions/events';
import { listTimeZones } from '@/lib/events/zoned-time';
import { NEW_EVENT_VALUES } from '@/lib/events/form-values';
import { adminMetadata, openAdminPage } from '@/components/admin/admin-page';
import { ClientMessages } from '@/components/ui/client-messages';
import { EventForm } from '@/components/events/event-form';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('EventAdmin', 'newEvent');

export default async function NewEventPage({ params }: PageProps<'/[locale]/admin/events/new'>) {
  await openAdminPage(params);
  const t = await getTranslations('EventAdmin');
  return (
    <>
      <p className="text-sm">
        <Link href="/admin/events" className="text-brand-700 underline">← {t('backToList')}</Link>
      </p>
      <h1 className="text-3xl font-bold">{t('newEvent')}</h1>
      <ClientMessages namespaces={['EventForm', 'EventType', 'EventMode', 'EventStatus', 'FormErrors', 'Uploads']}>
        <EventForm action={createEventAction} initial={NEW_EVENT_VALUES} timeZones={listTimeZones()} submitLabel={t('create')} />
      </ClientMessages>
    </>
  );
}
