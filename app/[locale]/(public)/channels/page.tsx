import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { listPublicChannels, type ChannelDto } from '@/lib/dal/channels';
import { listPublicDirectory } from '@/lib/dal/directory';
import { directoryTagSchema } from '@/lib/validations/channels';
import { directoryQuerySchema } from '@/lib/validations/directory';
import { alternatesFor } from '@/lib/site';
import { ChannelCard } from '@/components/channels/channel-card';
import { DirectoryList } from '@/components/channels/directory-list';

export const revalidate = 60;

export async function generateMetadata({ params }: PageProps<'/[locale]/channels'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Channels' });
  return { title: t('title'), description: t('description'), alternates: alternatesFor(locale, '/channels') };
}

export default async function ChannelsPage({ params, searchParams }: PageProps<'/[locale]/channels'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const { tag: rawTag, q: rawQuery } = await searchParams;
  const tag = directoryTagSchema.parse(typeof rawTag === 'string' ? rawTag : undefined);
  const query = directoryQuerySchema.parse(typeof rawQuery === 'string' ? rawQuery : undefined);
  const [channels, directory] = await Promise.all([listPublicChannels(), listPublicDirectory(tag, query)]);
  const t = await getTranslations('Channels');
  const form = await getTranslations('ChannelForm');

  const groups = new Map<ChannelDto['platform'], ChannelDto[]>();
  for (const channel of channels) groups.set(channel.platform, [...(groups.get(channel.platform) ?? []), channel]);

  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('heading')}</h1>
      <p className="mb-6 text-stone-700">{t('intro')}</p>
      {groups.size === 0 && <p>{t('empty')}</p>}
      <div className="space-y-8">
        {[...groups].map(([platform, items]) => (
          <section key={platform} aria-labelledby={`platform-${platform}`}>
            <h2 id={`platform-${platform}`} className="mb-3 text-xl font-semibold">{form(`platforms.${platform}`)}</h2>
            <ul className="space-y-3">
              {items.map((channel) => (
                <ChannelCard key={channel.id} channel={channel} locale={locale} />
              ))}
            </ul>
          </section>
        ))}
      </div>
      <DirectoryList entries={directory.entries} tags={directory.tags} active={tag} query={query} />
    </>
  );
}
