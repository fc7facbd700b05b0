import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { listDirectoryForAdmin } from '@/lib/dal/directory-admin';
import { moveDirectoryEntryAction, setDirectoryEntryHiddenAction } from '@/lib/actions/directory';
import { adminMetadata, openAdminPage } from '@/components/admin/admin-page';
import { ClientMessages } from '@/components/ui/client-messages';
import { ChannelActionButton } from '@/components/channels/channel-action-button';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('DirectoryAdmin', 'title');

export default async function AdminDirectoryPage({ params, searchParams }: PageProps<'/[locale]/admin/directory'>) {
  await openAdminPage(params);
  const { saved, deleted } = await searchParams;
  const entries = await listDirectoryForAdmin();
  const t = await getTranslations('DirectoryAdmin');
  const notice = typeof saved === 'string' ? t('saved', { name: saved }) : typeof deleted === 'string' ? t('deleted', { name: deleted }) : null;

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">{t('title')}</h1>
        <Link href="/admin/directory/new" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{t('newEntry')}</Link>
      </div>
      <p className="text-stone-600">{t('intro')}</p>
      {notice && <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">{notice}</p>}
      {entries.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ClientMessages namespaces={['DirectoryForm', 'FormErrors']}>
          <ol className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
            {entries.map((entry, i) => (
              <li key={entry.id} data-entry={entry.slug} className="flex flex-wrap items-center gap-3 px-3 py-2">
                <div className="min-w-0 flex-1">
                  <p className="font-medium">
                    {entry.name}
                    {entry.hidden && <span className="ml-2 rounded bg-stone-200 px-1.5 text-xs">{t('hiddenBadge')}</span>}
                  </p>
                  <p className="truncate text-sm text-stone-600">
                    <span className="font-mono">{entry.slug}</span>
                    {entry.tags.length > 0 && <> · {entry.tags.join(', ')}</>}
                  </p>
                </div>
                <Link href={`/admin/directory/${entry.id}/edit`} className="text-sm text-brand-700 underline" aria-label={t('editFor', { name: entry.name })}>{t('edit')}</Link>
                <ChannelActionButton action={moveDirectoryEntryAction} fields={{ id: entry.id, direction: 'up' }} label="↑" ariaLabel={t('moveUpFor', { name: entry.name })} disabled={i === 0} />
                <ChannelActionButton action={moveDirectoryEntryAction} fields={{ id: entry.id, direction: 'down' }} label="↓" ariaLabel={t('moveDownFor', { name: entry.name })} disabled={i === entries.length - 1} />
                <ChannelActionButton
                  action={setDirectoryEntryHiddenAction}
                  fields={{ id: entry.id, hidden: entry.hidden ? 'false' : 'true' }}
                  label={entry.hidden ? t('show') : t('hide')}
                  ariaLabel={entry.hidden ? t('showFor', { name: entry.name }) : t('hideFor', { name: entry.name })}
                />
                <Link href={`/admin/directory/${entry.id}/delete`} className="text-sm text-red-800 underline" aria-label={t('deleteFor', { name: entry.name })}>{t('delete')}</Link>
              </li>
            ))}
          </ol>
        </ClientMessages>
      )}
    </>
  );
}
