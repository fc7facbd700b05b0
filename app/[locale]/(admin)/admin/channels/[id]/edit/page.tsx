import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { updateChannelAction } from '@/lib/actions/channels';
import { getChannelForAdmin } from '@/lib/dal/channels';
import { requireAdminPage } from '@/components/admin/require-admin';
import { ClientMessages } from '@/components/ui/client-messages';
import { ChannelForm } from '@/components/channels/channel-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/admin/channels/[id]/edit'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'ChannelAdmin' });
  return { title: t('editTitle'), robots: { index: false, follow: false } };
}

export default async function EditChannelPage({ params }: PageProps<'/[locale]/admin/channels/[id]/edit'>) {
  const { locale, id } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await requireAdminPage();
  const channel = await getChannelForAdmin(id);
  if (!channel) notFound();
  const t = await getTranslations('ChannelAdmin');
  const initial = {
    id: channel.id,
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
