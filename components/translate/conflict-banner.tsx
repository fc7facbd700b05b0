'use client';

import { useFormatter, useTranslations } from 'next-intl';

type Props = { updatedAt: string; differing: number; onKeepAllMine: () => void; onTakeAllTheirs: () => void };

/** Shown while a save was refused because someone saved first; the user's text stays in the editor. */
export function ConflictBanner({ updatedAt, differing, onKeepAllMine, onTakeAllTheirs }: Props) {
  const t = useTranslations('Translate');
  const format = useFormatter();
  return (
    <div role="alert" className="rounded-lg border-2 border-red-400 bg-red-50 p-4 text-red-950">
      <h2 className="text-lg font-semibold">{t('conflictTitle')}</h2>
      <p className="mt-1">{t('conflictBody', { time: format.dateTime(new Date(updatedAt), { timeStyle: 'medium' }) })}</p>
      <p className="mt-1 font-medium">{t('conflictBlocks', { count: differing })}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" onClick={onKeepAllMine} className="rounded-md bg-red-800 px-3 py-1.5 font-medium text-white hover:bg-red-900">
          {t('keepAllMine')}
        </button>
        <button type="button" onClick={onTakeAllTheirs} className="rounded-md border border-red-800 bg-white px-3 py-1.5 font-medium text-red-900 hover:bg-red-100">
          {t('takeAllTheirs')}
        </button>
      </div>
    </div>
  );
}
