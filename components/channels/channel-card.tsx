import { getTranslations } from 'next-intl/server';
import type { ChannelDto } from '@/lib/dal/channels';
import type { Locale } from '@/lib/i18n/routing';
import { isHttpsUrl } from '@/lib/validations/events';
import { PlatformIcon } from '@/components/channels/platform-icon';

export async function ChannelCard({ channel, locale }: { channel: ChannelDto; locale: Locale }) {
  const t = await getTranslations('Channels');
  const other: Locale = locale === 'zh' ? 'en' : 'zh';
  // The viewer's language first, the other one when that is empty. Plain text, never HTML.
  const description = channel.descriptions[locale] || channel.descriptions[other];
  return (
    <li className="flex gap-4 rounded-lg border border-stone-200 bg-white p-4" data-channel={channel.name}>
      <PlatformIcon platform={channel.platform} />
      <div className="min-w-0 flex-1 space-y-1">
        <h3 className="font-semibold">
          {channel.url && isHttpsUrl(channel.url) ? (
            <a href={channel.url} rel="noopener noreferrer" className="text-brand-700 underline">{channel.name}</a>
          ) : (
            channel.name
          )}
        </h3>
        {channel.handle && <p className="text-sm text-stone-600">{t('handle', { handle: channel.handle })}</p>}
        {description && <p className="text-sm whitespace-pre-line">{description}</p>}
        {channel.platform === 'WECHAT' && channel.qrImage && (
          // eslint-disable-next-line @next/next/no-img-element -- a small local upload
          <img src={channel.qrImage} alt={t('qrAlt', { name: channel.name })} width={160} height={160} loading="lazy" className="mt-2 rounded border border-stone-200" />
        )}
      </div>
    </li>
  );
}
