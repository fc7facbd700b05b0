'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { updateSourcePostAction, type SourceSaveResult } from '@/lib/actions/translation';
import type { SourceForEditing } from '@/lib/dal/source-posts';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { useMessageKeys } from '@/components/ui/use-message-keys';

type Theirs = { version: number; title: string; body: string };
type Status = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; keys: string[] };

const HTML_LANG: Record<string, string> = { zh: 'zh-CN' };

/**
 * An original's title and Markdown. A save based on an old version is refused by the server; the
 * admin's text stays in the form, next to the other version, until they choose.
 */
export function SourcePostForm({ source }: { source: SourceForEditing & { locale: Locale } }) {
  const t = useTranslations('AdminPosts');
  const keys = useMessageKeys();
  const [title, setTitle] = useState(source.title);
  const [body, setBody] = useState(source.body);
  const [version, setVersion] = useState(source.version);
  const [saved, setSaved] = useState({ title: source.title, body: source.body });
  const [theirs, setTheirs] = useState<Theirs | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const dirty = title !== saved.title || body !== saved.body;

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  async function save(baseVersion: number) {
    setStatus({ kind: 'saving' });
    let result: SourceSaveResult;
    try {
      result = await updateSourcePostAction({ slug: source.slug, baseVersion, title, body });
    } catch {
      setStatus({ kind: 'error', keys: ['Translate.errors.offline'] });
      return;
    }
    if (result.ok) {
      setVersion(result.version);
      setSaved({ title, body });
      setTheirs(null);
      setStatus({ kind: 'saved' });
    } else if ('conflict' in result) {
      setTheirs(result.conflict);
      setStatus({ kind: 'idle' });
    } else {
      setStatus({ kind: 'error', keys: [...Object.values(result.fieldErrors ?? {}).flat(), result.error] });
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(version);
  };

  const lang = HTML_LANG[source.locale] ?? source.locale;
  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4">
      {theirs && (
        <div role="alert" className="rounded-lg border-2 border-red-400 bg-red-50 p-4 text-red-950">
          <h2 className="text-lg font-semibold">{t('conflictTitle')}</h2>
          <p className="mt-1">{t('conflictBody')}</p>
          <details className="mt-2">
            <summary className="cursor-pointer font-medium">{t('theirVersion')}</summary>
            <p lang={lang} className="mt-2 font-semibold">{theirs.title}</p>
            <textarea readOnly value={theirs.body} aria-label={t('theirBody')} rows={10} lang={lang} className="mt-1 w-full rounded-md border border-red-200 bg-white p-2 font-mono text-sm" />
          </details>
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="button" onClick={() => void save(theirs.version)} className="rounded-md bg-red-800 px-3 py-1.5 font-medium text-white hover:bg-red-900">{t('keepMine')}</button>
            <button
              type="button"
              onClick={() => {
                setTitle(theirs.title);
                setBody(theirs.body);
                setSaved({ title: theirs.title, body: theirs.body });
                setVersion(theirs.version);
                setTheirs(null);
              }}
              className="rounded-md border border-red-800 bg-white px-3 py-1.5 font-medium text-red-900 hover:bg-red-100"
            >
              {t('takeTheirs')}
            </button>
          </div>
        </div>
      )}
      <div>
        <label htmlFor="source-title" className="block font-medium">{t('titleLabel')}</label>
        <Input id="source-title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} lang={lang} className="mt-1 text-lg" />
      </div>
      <div>
        <label htmlFor="source-body" className="block font-medium">{t('bodyLabel')}</label>
        <p id="source-body-hint" className="text-sm text-stone-600">{t('bodyHint')}</p>
        <textarea id="source-body" value={body} onChange={(e) => setBody(e.target.value)} required rows={24} lang={lang} aria-describedby="source-body-hint" spellCheck className="mt-1 w-full rounded-md border border-stone-300 p-2 font-mono text-sm leading-relaxed" />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={status.kind === 'saving' || !!theirs}>
          {status.kind === 'saving' ? t('saving') : t('save')}
        </Button>
        <Link href={`/blog/${source.slug}`} locale={source.locale} className="text-brand-700 underline">{t('viewPost')}</Link>
        <p role="status" aria-live="polite" className="text-sm">
          {status.kind === 'saved' && !dirty && <span className="text-green-800">{t('saved')}</span>}
          {status.kind === 'error' && <span className="text-red-800">{keys.all(status.keys).join(' ')}</span>}
          {dirty && status.kind !== 'error' && <span className="text-stone-600">{t('unsaved')}</span>}
        </p>
      </div>
    </form>
  );
}
