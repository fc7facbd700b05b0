import { cancelEventAction } from '@/lib/actions/events';
import { getEventForEdit } from '@/lib/dal/events-admin';
import { adminMetadata, openAdminRecordPage } from '@/components/admin/admin-page';
import { ConfirmEventAction } from '@/components/events/confirm-event-action';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('EventAdmin', 'cancel');

export default async function CancelEventPage({ params }: PageProps<'/[locale]/admin/events/[id]/cancel'>) {
  const { locale, record: event } = await openAdminRecordPage(params, getEventForEdit);
  const title = (event.localizations.find((l) => l.locale === locale) ?? event.localizations[0])?.title ?? event.slug;
  return <ConfirmEventAction kind="cancel" id={event.id} title={title} action={cancelEventAction} />;
}
