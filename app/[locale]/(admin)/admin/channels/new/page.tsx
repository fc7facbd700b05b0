import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { createChannelAction } from '@/lib/actions/channels';
import { adminMetadata, openAdminPage } from '@/components/admin/admin-page';
import { ClientMessages } from '@/components/ui/client-messages';
import { ChannelForm } from '@/components/channels/channel-form';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('ChannelAdmin', 'newChannel');

export default async function NewChannelPage({ params }: PageProps<'/[locale]/admin/channels/new'>) {
  await openAdminPage(params);
  const t = await getTranslations('ChannelAdmin');
  const initial = { platform: 'WECHAT', name: '', handle: '', url: '', descriptionEn: '', descriptionZh: '', hidden: false, qrImage: null };
  return (
    <>
      <p className="text-sm"><Link href="/admin/channels" className="text-brand-700 underline">← {t('backToList')}</Link></p>
      <h1 className="text-3xl font-bold">{t('newChannel')}</h1>
      <ClientMessages namespaces={['ChannelForm', 'Uploads', 'FormErrors']}>
        <ChannelForm action={createChannelAction} initial={initial} submitLabel={t('create')} />
      </ClientMessages>
    </>
  );
}
