'use client';

import { useTranslations } from 'next-intl';
import type { CheckIssue } from '@/lib/translation/checks';

type Props = { issues: readonly CheckIssue[]; errors: number; warnings: number; onGoTo: (block: number) => void };

/** Every open check, each a button that takes the user to its block. */
export function ChecksSummary({ issues, errors, warnings, onGoTo }: Props) {
  const t = useTranslations('Translate');
  const checks = useTranslations('Checks');
  const tone = errors > 0 ? 'border-red-300 bg-red-50' : warnings > 0 ? 'border-amber-300 bg-amber-50' : 'border-green-300 bg-green-50';
  return (
    <details className={`rounded-lg border p-3 text-sm ${tone}`} open={errors > 0 && errors <= 5}>
      <summary className="cursor-pointer font-medium">
        {t('checksSummary', { errors, warnings })}
      </summary>
      {issues.length > 0 && (
        <ul className="mt-2 max-h-48 space-y-1 overflow-y-auto">
          {issues.map((issue, i) => {
            const message = checks(issue.code, { detail: issue.detail ?? '' });
            return (
              <li key={i}>
                <button type="button" onClick={() => onGoTo(issue.block)} className={`text-left underline-offset-2 hover:underline ${issue.severity === 'error' ? 'text-red-800' : 'text-amber-800'}`}>
                  {issue.block === -1 ? t('checkTitle', { message }) : t('checkIn', { n: issue.block + 1, message })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </details>
  );
}
