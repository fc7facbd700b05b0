import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { deleteDirectoryEntryAction } from '@/lib/actions/directory';
import { getDirectoryEntryForAdmin } from '@/lib/dal/directory-admin';
import { adminMetadata, openAdminRecordPage } from '@/components/admin/admin-page';
import { ClientMessages } from '@/components/ui/client-messages';
import { ChannelActionButton } from '@/components/channels/channel-action-button';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('DirectoryAdmin', 'delete');

/** The confirmation step before deleting: a page, so it works without JavaScript. */
export default async function DeleteDirectoryEntryPage({ params }: PageProps<'/[locale]/admin/directory/[id]/delete'>) {
  const { record: entry } = await openAdminRecordPage(params, getDirectoryEntryForAdmin);
  const t = await getTranslations('DirectoryAdmin');
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">{t('confirmDeleteTitle', { name: entry.name })}</h1>
      <p className="text-stone-700">{t('confirmDeleteBody')}</p>
      <div className="flex flex-wrap items-center gap-4">
        <ClientMessages namespaces={['DirectoryForm', 'FormErrors']}>
          <ChannelActionButton action={deleteDirectoryEntryAction} fields={{ id: entry.id }} label={t('confirmDelete')} ariaLabel={t('confirmDelete')} variant="danger" />
        </ClientMessages>
        <Link href="/admin/directory" className="text-brand-700 underline">{t('keep')}</Link>
      </div>
    </div>
  );
}
