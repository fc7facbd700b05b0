import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { listChannelsForAdmin, type ChannelDto } from '@/lib/dal/channels';
import { deleteChannelAction, moveChannelAction, setChannelHiddenAction } from '@/lib/actions/channels';
import { adminMetadata, openAdminPage } from '@/components/admin/admin-page';
import { ClientMessages } from '@/components/ui/client-messages';
import { ChannelActionButton } from '@/components/channels/channel-action-button';
import { PlatformIcon } from '@/components/channels/platform-icon';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('ChannelAdmin', 'title');

export default async function AdminChannelsPage({ params, searchParams }: PageProps<'/[locale]/admin/channels'>) {
  await openAdminPage(params);
  const saved = (await searchParams).saved;
  const channels = await listChannelsForAdmin();
  const t = await getTranslations('ChannelAdmin');
  const form = await getTranslations('ChannelForm');

  const isFirst = (c: ChannelDto, i: number) => i === 0 || channels[i - 1]?.platform !== c.platform;
  const isLast = (c: ChannelDto, i: number) => i === channels.length - 1 || channels[i + 1]?.platform !== c.platform;

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">{t('title')}</h1>
        <Link href="/admin/channels/new" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{t('newChannel')}</Link>
      </div>
      {typeof saved === 'string' && <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">{t('saved', { name: saved })}</p>}
      {channels.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ClientMessages namespaces={['ChannelForm', 'FormErrors']}>
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
            {channels.map((channel, i) => (
              <li key={channel.id} data-channel={channel.name} className="flex flex-wrap items-center gap-3 px-3 py-2">
                <PlatformIcon platform={channel.platform} size={24} />
                <div className="min-w-0 flex-1">
                  <p className="font-medium">
                    {channel.name}
                    {channel.hidden && <span className="ml-2 rounded bg-stone-200 px-1.5 text-xs">{t('hiddenBadge')}</span>}
                  </p>
                  <p className="text-sm text-stone-600">{form(`platforms.${channel.platform}`)}</p>
                </div>
                <Link href={`/admin/channels/${channel.id}/edit`} className="text-sm text-brand-700 underline" aria-label={t('editFor', { name: channel.name })}>{t('edit')}</Link>
                <ChannelActionButton action={moveChannelAction} fields={{ id: channel.id, direction: 'up' }} label="↑" ariaLabel={t('moveUpFor', { name: channel.name })} disabled={isFirst(channel, i)} />
                <ChannelActionButton action={moveChannelAction} fields={{ id: channel.id, direction: 'down' }} label="↓" ariaLabel={t('moveDownFor', { name: channel.name })} disabled={isLast(channel, i)} />
                <ChannelActionButton
                  action={setChannelHiddenAction}
                  fields={{ id: channel.id, hidden: channel.hidden ? 'false' : 'true' }}
                  label={channel.hidden ? t('show') : t('hide')}
                  ariaLabel={channel.hidden ? t('showFor', { name: channel.name }) : t('hideFor', { name: channel.name })}
                />
                <ChannelActionButton action={deleteChannelAction} fields={{ id: channel.id }} label={t('delete')} ariaLabel={t('deleteFor', { name: channel.name })} variant="danger" />
              </li>
            ))}
          </ul>
        </ClientMessages>
      )}
    </>
  );
}
