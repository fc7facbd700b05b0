import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { deleteTagAction, updateTagLabelsAction } from '@/lib/actions/tags';
import { getTagForAdmin } from '@/lib/dal/tags';
import { adminMetadata, openAdminRecordPage } from '@/components/admin/admin-page';
import { ClientMessages } from '@/components/ui/client-messages';
import { ChannelActionButton } from '@/components/channels/channel-action-button';
import { TagForm } from '@/components/tags/tag-form';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('TagAdmin', 'editTitle');

export default async function EditTagPage({ params }: PageProps<'/[locale]/admin/tags/[id]/edit'>) {
  const { record: tag } = await openAdminRecordPage(params, getTagForAdmin);
  const t = await getTranslations('TagAdmin');
  const initial = { id: tag.id, version: tag.version, slug: tag.slug, labelEn: tag.labels.en, labelZh: tag.labels.zh };
  return (
    <>
      <p className="text-sm"><Link href="/admin/tags" className="text-brand-700 underline">← {t('backToList')}</Link></p>
      <h1 className="text-3xl font-bold">{t('editHeading', { slug: tag.slug })}</h1>
      <p className="text-stone-600">
        {t('usage', { count: tag.postCount })}{' '}
        <Link href={`/tags/${encodeURIComponent(tag.slug)}`} className="text-brand-700 underline">{t('viewPage')}</Link>
      </p>
      <ClientMessages namespaces={['TagForm', 'FormErrors']}>
        <TagForm action={updateTagLabelsAction} initial={initial} submitLabel={t('save')} />
        <section aria-labelledby="delete-heading" className="mt-10 max-w-xl space-y-2 border-t border-stone-200 pt-6">
          <h2 id="delete-heading" className="text-xl font-semibold">{t('deleteHeading')}</h2>
          {tag.postCount === 0 ? (
            <>
              <p className="text-stone-700">{t('deleteBody')}</p>
              <ChannelActionButton action={deleteTagAction} fields={{ id: tag.id }} label={t('delete')} ariaLabel={t('deleteFor', { slug: tag.slug })} variant="danger" />
            </>
          ) : (
            <p className="text-stone-700">{t('inUse', { count: tag.postCount })}</p>
          )}
        </section>
      </ClientMessages>
    </>
  );
}
