'use client';

import { useTranslations } from 'next-intl';
import type { CheckIssue } from '@/lib/translation/checks';

/** One block's check results, in the user's language; referenced by its textarea's aria-describedby. */
export function IssueList({ id, issues }: { id: string; issues: readonly CheckIssue[] }) {
  const t = useTranslations('Translate');
  const checks = useTranslations('Checks');
  if (issues.length === 0) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm">
      {issues.map((issue, i) => (
        <li key={i} className={issue.severity === 'error' ? 'text-red-800' : 'text-amber-800'}>
          {t.rich('issue', { severity: issue.severity, message: checks(issue.code, { detail: issue.detail ?? '' }), b: (chunks) => <span className="font-semibold">{chunks}</span> })}
        </li>
      ))}
    </ul>
  );
}
