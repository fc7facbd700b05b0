import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { createChannelAction } from '@/lib/actions/channels';
import { requireAdminPage } from '@/components/admin/require-admin';
import { ClientMessages } from '@/components/ui/client-messages';
import { ChannelForm } from '@/components/channels/channel-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/admin/channels/new'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'ChannelAdmin' });
  return { title: t('newChannel'), robots: { index: false, follow: false } };
}

export default async function NewChannelPage({ params }: PageProps<'/[locale]/admin/channels/new'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await requireAdminPage();
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
