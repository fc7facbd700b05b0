'use client';

import type { KeyboardEvent } from 'react';
import { useTranslations } from 'next-intl';
import type { CheckIssue } from '@/lib/translation/checks';
import { Button } from '@/components/ui/button';
import { IssueList } from '@/components/translate/issue-list';

type Props = {
  sourceTitle: string;
  title: string;
  languageName: string;
  sourceLang: string;
  targetLang: string;
  readOnly: boolean;
  issues: readonly CheckIssue[];
  theirs: string | undefined;
  onChange: (title: string) => void;
  onBlur: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
};

export function TitleRow({ sourceTitle, title, languageName, sourceLang, targetLang, readOnly, issues, theirs, ...on }: Props) {
  const t = useTranslations('Translate');
  return (
    <section aria-labelledby="title-heading" className={`rounded-lg border bg-white p-3 ${theirs !== undefined ? 'border-red-400' : 'border-stone-200'}`}>
      <h3 id="title-heading" className="mb-2 text-xs font-medium text-stone-500">{t('titleHeading')}</h3>
      <div className="grid gap-3 md:grid-cols-2">
        <p lang={sourceLang} className="rounded-md bg-stone-50 p-2 text-lg font-semibold text-stone-800">{sourceTitle}</p>
        <div>
          <label htmlFor="draft-title" className="sr-only">{t('titleLabel', { language: languageName })}</label>
          <input
            id="draft-title"
            data-nav-field
            value={title}
            readOnly={readOnly}
            lang={targetLang}
            onChange={(e) => on.onChange(e.target.value)}
            onBlur={on.onBlur}
            onKeyDown={on.onKeyDown}
            aria-invalid={issues.length > 0 || undefined}
            aria-describedby={issues.length > 0 ? 'title-issues' : undefined}
            placeholder={t('titleLabel', { language: languageName })}
            className={`w-full rounded-md border p-2 text-lg font-semibold focus:border-brand-600 focus:outline-none read-only:bg-stone-50 ${issues.length > 0 ? 'border-red-400' : 'border-stone-300'}`}
          />
          <IssueList id="title-issues" issues={issues} />
        </div>
      </div>
      {theirs !== undefined && (
        <div className="mt-3 rounded-md border border-red-300 bg-red-50 p-2 text-sm">
          <p className="font-semibold text-red-900">{t('theirVersion')}</p>
          <p lang={targetLang} className="mt-1 rounded bg-white p-2">{theirs || <em className="text-stone-500">{t('theirEmpty')}</em>}</p>
          <div className="mt-2 flex gap-2">
            <Button variant="secondary" size="sm" onClick={on.onKeepMine}>{t('keepMine')}</Button>
            <Button variant="secondary" size="sm" onClick={on.onTakeTheirs}>{t('takeTheirs')}</Button>
          </div>
        </div>
      )}
    </section>
  );
}
