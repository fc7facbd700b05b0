'use client';

import { useEffect, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { formatEventRange, zoneOffsetLabel } from '@/lib/events/format';

/**
 * The event's time in the visitor's own zone, which only the browser knows. Rendered after
 * mount and only when it reads differently: the server-rendered time in the event's zone is
 * always on the page, with or without JavaScript.
 */
export function ViewerTime({ startsAt, endsAt, eventZone }: { startsAt: string; endsAt: string; eventZone: string }) {
  const t = useTranslations('EventTime');
  const locale = useLocale();
  const [shown, setShown] = useState<{ zone: string; text: string; offset: string } | null>(null);

  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const text = formatEventRange(startsAt, endsAt, zone, locale);
    // Compare what a reader sees: an alias of the same zone (Asia/Chongqing) is no difference.
    if (text === formatEventRange(startsAt, endsAt, eventZone, locale)) return;
    // Reading the browser's zone is only possible after hydration; a one-off update is intended.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setShown({ zone, text, offset: zoneOffsetLabel(startsAt, zone, locale) });
  }, [startsAt, endsAt, eventZone, locale]);

  if (!shown) return null;
  return (
    <p className="text-sm text-stone-700" data-testid="viewer-time">
      {t('inYourZone', { zone: shown.zone, offset: shown.offset })} <time dateTime={startsAt}>{shown.text}</time>
    </p>
  );
}
