'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import { previewAction } from '@/lib/actions/translation';

const PAUSE_MS = 700;
const PREVIEW_LIMIT = 200_000;

/**
 * The translation rendered by the server's own Markdown pipeline and sanitizer (the HTML is
 * sanitized there, as when publishing), refreshed after a pause in typing.
 */
export function PreviewPanel({ title, markdown, lang }: { title: string; markdown: string; lang: string }) {
  const t = useTranslations('Translate');
  const tMessage = useTranslations();
  const [rendered, setRendered] = useState<{ markdown: string; html: string; error?: string } | null>(null);
  const tooLong = markdown.length > PREVIEW_LIMIT;

  useEffect(() => {
    if (tooLong) return;
    let stale = false;
    const timer = setTimeout(async () => {
      try {
        const answer = await previewAction({ markdown });
        // A refused text keeps the last good preview beside the reason.
        if (!stale) setRendered((last) => ('error' in answer ? { markdown, html: last?.html ?? '', error: answer.error } : { markdown, html: answer.html }));
      } catch {
        // Offline: the last preview stays; the next change tries again.
      }
    }, PAUSE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [markdown, tooLong]);

  const updating = !tooLong && rendered?.markdown !== markdown;
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-6" aria-busy={updating}>
      <p aria-live="polite" className={`mb-3 min-h-5 text-sm ${rendered?.error && !updating ? 'text-red-700' : 'text-stone-500'}`}>
        {tooLong ? t('previewTooLong') : updating ? t('previewLoading') : rendered?.error ? tMessage(rendered.error as never) : ''}
      </p>
      <article lang={lang}>
        <h1 className="mb-6 text-3xl font-bold">{title}</h1>
        {rendered && rendered.html.trim() ? (
          <div className="prose prose-stone max-w-none" dangerouslySetInnerHTML={{ __html: rendered.html }} />
        ) : (
          !updating && <p className="text-stone-500">{t('previewEmpty')}</p>
        )}
      </article>
    </div>
  );
}
