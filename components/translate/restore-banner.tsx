'use client';

import { useFormatter, useTranslations } from 'next-intl';

type Props = { savedAt: number; onRestore: () => void; onDiscard: () => void };

/** Offers text this browser kept but the server does not have (a crash, a closed tab, a failed save). */
export function RestoreBanner({ savedAt, onRestore, onDiscard }: Props) {
  const t = useTranslations('Translate');
  const format = useFormatter();
  return (
    <div role="alert" className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4 text-amber-950">
      <h2 className="text-lg font-semibold">{t('restoreTitle')}</h2>
      <p className="mt-1">{t('restoreBody', { time: format.dateTime(new Date(savedAt), { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" onClick={onRestore} className="rounded-md bg-amber-800 px-3 py-1.5 font-medium text-white hover:bg-amber-900">
          {t('restore')}
        </button>
        <button type="button" onClick={onDiscard} className="rounded-md border border-amber-800 bg-white px-3 py-1.5 font-medium text-amber-900 hover:bg-amber-100">
          {t('discard')}
        </button>
      </div>
    </div>
  );
}
