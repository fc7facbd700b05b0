import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { updateEventAction } from '@/lib/actions/events';
import { getEventForEdit } from '@/lib/dal/events-admin';
import { listTimeZones } from '@/lib/events/zoned-time';
import { eventFormValues } from '@/lib/events/form-values';
import { adminMetadata, openAdminRecordPage } from '@/components/admin/admin-page';
import { ClientMessages } from '@/components/ui/client-messages';
import { EventForm } from '@/components/events/event-form';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('EventAdmin', 'editEvent');

export default async function EditEventPage({ params }: PageProps<'/[locale]/admin/events/[id]/edit'>) {
  const { record: event } = await openAdminRecordPage(params, getEventForEdit);
  const t = await getTranslations('EventAdmin');
  return (
    <>
      <p className="text-sm">
        <Link href="/admin/events" className="text-brand-700 underline">← {t('backToList')}</Link>
      </p>
      <h1 className="text-3xl font-bold">{t('editEvent')}</h1>
      <ClientMessages namespaces={['EventForm', 'EventType', 'EventMode', 'EventStatus', 'FormErrors', 'Uploads']}>
        <EventForm
          action={updateEventAction}
          initial={eventFormValues(event)}
          hidden={{ id: event.id, version: String(event.version) }}
          timeZones={listTimeZones()}
          submitLabel={t('save')}
        />
      </ClientMessages>
    </>
  );
}
