import { deleteEventAction } from '@/lib/actions/events';
import { getEventForEdit } from '@/lib/dal/events-admin';
import { adminMetadata, openAdminRecordPage } from '@/components/admin/admin-page';
import { ConfirmEventAction } from '@/components/events/confirm-event-action';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('EventAdmin', 'delete');

export default async function DeleteEventPage({ params }: PageProps<'/[locale]/admin/events/[id]/delete'>) {
  const { locale, record: event } = await openAdminRecordPage(params, getEventForEdit);
  const title = (event.localizations.find((l) => l.locale === locale) ?? event.localizations[0])?.title ?? event.slug;
  return <ConfirmEventAction kind="delete" id={event.id} title={title} action={deleteEventAction} />;
}
