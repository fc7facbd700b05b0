import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { updateChannelAction } from '@/lib/actions/channels';
import { getChannelForAdmin } from '@/lib/dal/channels';
import { adminMetadata, openAdminRecordPage } from '@/components/admin/admin-page';
import { ClientMessages } from '@/components/ui/client-messages';
import { ChannelForm } from '@/components/channels/channel-form';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('ChannelAdmin', 'editTitle');

export default async function EditChannelPage({ params }: PageProps<'/[locale]/admin/channels/[id]/edit'>) {
  const { record: channel } = await openAdminRecordPage(params, getChannelForAdmin);
  const t = await getTranslations('ChannelAdmin');
  const initial = {
    id: channel.id,
    version: channel.version,
    platform: channel.platform,
    name: channel.name,
    handle: channel.handle ?? '',
    url: channel.url ?? '',
    descriptionEn: channel.descriptions.en,
    descriptionZh: channel.descriptions.zh,
    hidden: channel.hidden,
    qrImage: channel.qrImage,
  };
  return (
    <>
      <p className="text-sm"><Link href="/admin/channels" className="text-brand-700 underline">← {t('backToList')}</Link></p>
      <h1 className="text-3xl font-bold">{t('editTitle')}</h1>
      <ClientMessages namespaces={['ChannelForm', 'Uploads', 'FormErrors']}>
        <ChannelForm action={updateChannelAction} initial={initial} submitLabel={t('save')} />
      </ClientMessages>
    </>
  );
}
