'use client';

import { memo, type KeyboardEvent } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import type { EditorBlock } from '@/lib/dal/translation-drafts';
import type { CheckIssue } from '@/lib/translation/checks';
import { termsIn, type GlossaryTermDto } from '@/lib/translation/glossary-match';
import { Button } from '@/components/ui/button';
import { AutoTextarea } from '@/components/translate/auto-textarea';
import { IssueList } from '@/components/translate/issue-list';
import { SourceDiff, SourceText, UNTRANSLATED_KINDS } from '@/components/translate/source-text';

type Props = {
  index: number;
  total: number;
  block: EditorBlock;
  text: string;
  readOnly: boolean;
  issues: CheckIssue[];
  glossary: readonly GlossaryTermDto[];
  pattern: RegExp | null;
  sourceLang: string;
  targetLang: string;
  showDiff: boolean;
  /** The other version's text while a save conflict is open and this block differs. */
  theirs: string | undefined;
  onChange: (index: number, text: string) => void;
  onKeepMine: (index: number) => void;
  onTakeTheirs: (index: number) => void;
  onBlur: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
};

export const BlockRow = memo(function BlockRow(props: Props) {
  const { index, total, block, text, readOnly, issues, glossary, pattern, sourceLang, targetLang, showDiff, theirs } = props;
  const t = useTranslations('Translate');
  const format = useFormatter();
  const id = `block-${index}`;
  const kind = t('kind', { kind: block.kind });
  const terms = UNTRANSLATED_KINDS.has(block.kind) ? [] : termsIn(block.source, glossary, pattern);
  const hasError = issues.some((i) => i.severity === 'error');
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className={`scroll-mt-40 rounded-lg border bg-white p-3 ${theirs !== undefined ? 'border-red-400' : 'border-stone-200'}`}>
      <h3 id={`${id}-heading`} className="mb-2 flex flex-wrap items-center gap-2 text-xs font-medium text-stone-500">
        <span>{t('blockHeading', { n: index + 1, total, kind })}</span>
        {block.changed && <span className="rounded bg-sky-100 px-1.5 py-0.5 text-sky-900">{t('changedBadge')}</span>}
      </h3>
      {showDiff && block.sourceDiff && (
        <div className="mb-3">
          <SourceDiff parts={block.sourceDiff} label={t('sourceChange')} lang={sourceLang} />
        </div>
      )}
      <div className="grid gap-3 md:grid-cols-2">
        <div className="min-w-0 rounded-md bg-stone-50 p-2">
          <SourceText text={block.source} kind={block.kind} glossary={glossary} pattern={pattern} lang={sourceLang} />
          {terms.length > 0 && (
            <dl aria-label={t('glossaryLabel')} className="mt-2 flex flex-wrap gap-x-3 gap-y-1 border-t border-stone-200 pt-2 text-xs text-stone-700">
              {terms.map((term) => (
                <div key={term.term} className="flex gap-1">
                  <dt className="font-medium" lang={sourceLang}>{term.term}</dt>
                  <dd lang={targetLang}>
                    → {term.translation}
                    {term.note && <span className="text-stone-500"> ({term.note})</span>}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </div>
        <div className="min-w-0">
          <AutoTextarea
            value={text}
            readOnly={readOnly}
            lang={targetLang}
            data-block-textarea={index}
            data-nav-field
            aria-label={t('blockLabel', { n: index + 1, total, kind })}
            aria-invalid={hasError || undefined}
            aria-describedby={issues.length > 0 ? `${id}-issues` : undefined}
            onChange={(e) => props.onChange(index, e.target.value)}
            onBlur={props.onBlur}
            onKeyDown={props.onKeyDown}
            spellCheck
            className={`rounded-md border p-2 leading-relaxed focus:border-brand-600 focus:outline-none read-only:bg-stone-50 ${hasError ? 'border-red-400' : 'border-stone-300'} ${block.kind === 'code' || block.kind === 'math' || block.kind === 'html' || block.kind === 'table' ? 'font-mono text-sm' : ''}`}
          />
          <IssueList id={`${id}-issues`} issues={issues} />
        </div>
      </div>
      {theirs !== undefined && (
        <div className="mt-3 rounded-md border border-red-300 bg-red-50 p-2 text-sm">
          <p className="font-semibold text-red-900">{t('theirVersion')}</p>
          <div lang={targetLang} className="mt-1 whitespace-pre-wrap break-words rounded bg-white p-2 text-stone-900">
            {theirs === '' ? <em className="text-stone-500">{t('theirEmpty')}</em> : theirs}
          </div>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button variant="secondary" size="sm" onClick={() => props.onKeepMine(index)}>
              {t('keepMine')}
            </Button>
            <Button variant="secondary" size="sm" onClick={() => props.onTakeTheirs(index)}>
              {t('takeTheirs')}
            </Button>
          </div>
        </div>
      )}
      {block.comments.length > 0 && (
        <ul aria-label={t('commentsLabel')} className="mt-3 space-y-2">
          {block.comments.map((c) => (
            <li key={c.id} className="rounded-md border-l-4 border-violet-400 bg-violet-50 px-3 py-2 text-sm">
              <p className="text-xs text-violet-900">{t('commentBy', { author: c.author, date: format.dateTime(new Date(c.createdAt), { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
              <p className="mt-0.5 whitespace-pre-wrap text-stone-900">{c.body}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
