import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { getDraftForReview } from '@/lib/dal/reviews';
import { approveDraftAction, requestChangesAction } from '@/lib/actions/translation';
import { guardPage } from '@/lib/pages/guard';
import { HREFLANG } from '@/lib/site';
import { CommentForm } from '@/components/review/comment-form';
import { ReviewDecision } from '@/components/review/review-decision';
import { ClientMessages } from '@/components/ui/client-messages';

export const dynamic = 'force-dynamic';

const MONOSPACE = new Set(['code', 'math', 'html', 'table']);

export async function generateMetadata({ params }: PageProps<'/[locale]/review/[draftId]'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Review' });
  return { title: t('reviewTitle'), robots: { index: false } };
}

export default async function ReviewDraftPage({ params }: PageProps<'/[locale]/review/[draftId]'>) {
  const { locale, draftId } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const draft = await guardPage(locale, `/review/${encodeURIComponent(draftId)}`, () => getDraftForReview(draftId));
  const t = await getTranslations('Review');
  const lang = await getTranslations('Languages');
  const format = await getFormatter();
  const open = draft.status === 'SUBMITTED';
  const targetLang = HREFLANG[draft.locale];
  const sourceLang = HREFLANG[draft.sourceLocale];

  return (
    <ClientMessages namespaces={['Review', 'FormErrors', 'Translate']}>
      <p className="text-sm">
        <Link href="/review" className="text-brand-700 underline-offset-2 hover:underline">← {t('backToQueue')}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t('reviewHeading', { title: draft.sourceTitle, language: lang(draft.locale) })}</h1>
      <p className="mt-1 text-sm text-stone-600">{t('translatedBy', { translator: draft.translator })}</p>
      {!open && <p role="status" className="mt-4 rounded-lg border border-sky-300 bg-sky-50 p-3 text-sky-950">{t(draft.status === 'APPROVED' ? 'statusApproved' : 'statusChangesRequested')}</p>}
      {draft.isOwn && <p className="mt-4 rounded-lg border border-stone-300 bg-stone-100 p-3">{t('ownWork')}</p>}

      <div className="mt-6 space-y-4">
        <section aria-labelledby="review-title" className="rounded-lg border border-stone-200 bg-white p-3">
          <h2 id="review-title" className="mb-2 text-xs font-medium text-stone-500">{t('titleHeading')}</h2>
          <div className="grid gap-3 md:grid-cols-2">
            <p lang={sourceLang} className="rounded-md bg-stone-50 p-2 text-lg font-semibold">{draft.sourceTitle}</p>
            <p lang={targetLang} className="rounded-md border border-stone-200 p-2 text-lg font-semibold">{draft.title}</p>
          </div>
        </section>
        {draft.blocks.map((block, i) => (
          <section key={i} id={`block-${i}`} aria-labelledby={`block-${i}-heading`} className="rounded-lg border border-stone-200 bg-white p-3">
            <h2 id={`block-${i}-heading`} className="mb-2 text-xs font-medium text-stone-500">{t('blockHeading', { n: i + 1, total: draft.blocks.length })}</h2>
            <div className="grid gap-3 md:grid-cols-2">
              <div lang={sourceLang} className={`min-w-0 whitespace-pre-wrap break-words rounded-md bg-stone-50 p-2 leading-relaxed ${MONOSPACE.has(block.kind) ? 'font-mono text-sm' : ''}`}>{block.source}</div>
              <div lang={targetLang} className={`min-w-0 whitespace-pre-wrap break-words rounded-md border border-stone-200 p-2 leading-relaxed ${MONOSPACE.has(block.kind) ? 'font-mono text-sm' : ''}`}>{block.text}</div>
            </div>
            {block.comments.length > 0 && (
              <ul aria-label={t('commentsLabel')} className="mt-3 space-y-2">
                {block.comments.map((c) => (
                  <li key={c.id} className="rounded-md border-l-4 border-violet-400 bg-violet-50 px-3 py-2 text-sm">
                    <p className="text-xs text-violet-900">{t('commentBy', { author: c.author, date: format.dateTime(new Date(c.createdAt), { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
                    <p className="mt-0.5 whitespace-pre-wrap">{c.body}</p>
                  </li>
                ))}
              </ul>
            )}
            {open && !draft.isOwn && <CommentForm draftId={draft.id} blockIndex={i} />}
          </section>
        ))}
      </div>

      {open && (
        <section aria-labelledby="decision-heading" className="mt-8">
          <h2 id="decision-heading" className="mb-3 text-xl font-semibold">{t('decisionHeading')}</h2>
          <ReviewDecision draftId={draft.id} isOwn={draft.isOwn} requestChanges={requestChangesAction.bind(null, locale)} approve={approveDraftAction.bind(null, locale)} />
        </section>
      )}
    </ClientMessages>
  );
}
