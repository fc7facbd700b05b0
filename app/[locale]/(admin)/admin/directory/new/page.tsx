import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { createDirectoryEntryAction } from '@/lib/actions/directory';
import { adminMetadata, openAdminPage } from '@/components/admin/admin-page';
import { ClientMessages } from '@/components/ui/client-messages';
import { DirectoryForm } from '@/components/directory/directory-form';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('DirectoryAdmin', 'newEntry');

export default async function NewDirectoryEntryPage({ params }: PageProps<'/[locale]/admin/directory/new'>) {
  await openAdminPage(params);
  const t = await getTranslations('DirectoryAdmin');
  const initial = { slug: '', name: '', url: '', info: '', tags: '', body: '', hidden: false };
  return (
    <>
      <p className="text-sm"><Link href="/admin/directory" className="text-brand-700 underline">← {t('backToList')}</Link></p>
      <h1 className="text-3xl font-bold">{t('newEntry')}</h1>
      <ClientMessages namespaces={['DirectoryForm', 'FormErrors']}>
        <DirectoryForm action={createDirectoryEntryAction} initial={initial} submitLabel={t('create')} />
      </ClientMessages>
    </>
  );
}
