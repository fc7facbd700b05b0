import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { createTagAction } from '@/lib/actions/tags';
import { adminMetadata, openAdminPage } from '@/components/admin/admin-page';
import { ClientMessages } from '@/components/ui/client-messages';
import { TagForm } from '@/components/tags/tag-form';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('TagAdmin', 'newTag');

export default async function NewTagPage({ params }: PageProps<'/[locale]/admin/tags/new'>) {
  await openAdminPage(params);
  const t = await getTranslations('TagAdmin');
  return (
    <>
      <p className="text-sm"><Link href="/admin/tags" className="text-brand-700 underline">← {t('backToList')}</Link></p>
      <h1 className="text-3xl font-bold">{t('newTag')}</h1>
      <ClientMessages namespaces={['TagForm', 'FormErrors']}>
        <TagForm action={createTagAction} initial={{ slug: '', labelEn: '', labelZh: '' }} submitLabel={t('create')} />
      </ClientMessages>
    </>
  );
}
