import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import 'katex/dist/katex.min.css';
import { routing } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { getDraftForEditor } from '@/lib/dal/translation-drafts';
import { releaseDraftAction } from '@/lib/actions/translation';
import { guardPage } from '@/lib/pages/guard';
import { TranslationEditor } from '@/components/translate/translation-editor';
import { ClientMessages } from '@/components/ui/client-messages';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/translate/[draftId]'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Translate' });
  return { title: t('editorTitle'), robots: { index: false } };
}

export default async function TranslationEditorPage({ params }: PageProps<'/[locale]/translate/[draftId]'>) {
  const { locale, draftId } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const draft = await guardPage(locale, `/translate/${encodeURIComponent(draftId)}`, () => getDraftForEditor(draftId));
  const t = await getTranslations('Translate');
  const lang = await getTranslations('Languages');

  return (
    <>
      <p className="text-sm">
        <Link href={{ pathname: '/translate', query: { lang: draft.locale } }} className="text-brand-700 underline-offset-2 hover:underline">
          ← {t('backToDashboard')}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t('editorHeading', { title: draft.sourceTitle, language: lang(draft.locale) })}</h1>
      <p className="mt-1 text-sm text-stone-600">
        <Link href={`/blog/${draft.slug}`} locale={draft.sourceLocale} className="text-brand-700 underline underline-offset-2">
          {t('readOriginal', { language: lang(draft.sourceLocale) })}
        </Link>
      </p>
      <ClientMessages namespaces={['Translate', 'Checks', 'FormErrors']}>
        <TranslationEditor draft={draft} languageName={lang(draft.locale)} releaseAction={releaseDraftAction.bind(null, locale)} />
      </ClientMessages>
    </>
  );
}
