import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { updateDirectoryEntryAction } from '@/lib/actions/directory';
import { getDirectoryEntryForAdmin } from '@/lib/dal/directory-admin';
import { adminMetadata, openAdminRecordPage } from '@/components/admin/admin-page';
import { ClientMessages } from '@/components/ui/client-messages';
import { DirectoryForm } from '@/components/directory/directory-form';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('DirectoryAdmin', 'editTitle');

export default async function EditDirectoryEntryPage({ params }: PageProps<'/[locale]/admin/directory/[id]/edit'>) {
  const { record: entry } = await openAdminRecordPage(params, getDirectoryEntryForAdmin);
  const t = await getTranslations('DirectoryAdmin');
  const initial = { ...entry, tags: entry.tags.join(', ') };
  return (
    <>
      <p className="text-sm"><Link href="/admin/directory" className="text-brand-700 underline">← {t('backToList')}</Link></p>
      <h1 className="text-3xl font-bold">{t('editTitle')}</h1>
      <ClientMessages namespaces={['DirectoryForm', 'FormErrors']}>
        <DirectoryForm action={updateDirectoryEntryAction} initial={initial} submitLabel={t('save')} />
      </ClientMessages>
    </>
  );
}
