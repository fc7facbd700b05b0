import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { getCurrentUser, hasRole } from '@/lib/dal/session';
import { listGlossary } from '@/lib/dal/glossary';
import { toSignIn } from '@/lib/pages/guard';
import { adminMetadata } from '@/components/admin/admin-page';
import { GlossaryForm } from '@/components/admin/glossary-form';
import { ClientMessages } from '@/components/ui/client-messages';

// Reviewers keep the glossary but are not admins: this page lives outside the (admin) group,
// whose layout admits admins only, and checks the role itself (the DAL checks again on write).
export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('Glossary', 'title');

export default async function GlossaryPage({ params, searchParams }: PageProps<'/[locale]/admin/glossary'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) toSignIn(locale, '/admin/glossary');
  if (!hasRole(user, 'REVIEWER')) notFound();
  const query = await searchParams;
  const terms = await listGlossary();
  const editing = terms.find((term) => term.id === query.edit) ?? null;
  const t = await getTranslations('Glossary');
  const lang = await getTranslations('Languages');

  return (
    <>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-2xl text-stone-600">{t('intro')}</p>
      <section aria-labelledby="glossary-form-heading" id="glossary-form" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="glossary-form-heading" className="text-lg font-semibold">{editing ? t('editHeading', { term: editing.term }) : t('addHeading')}</h2>
        <ClientMessages namespaces={['Glossary', 'FormErrors', 'Translate', 'Languages']}>
          <GlossaryForm key={editing?.id ?? 'new'} initial={editing} defaultLocale={routing.locales.find((l) => l !== 'en') ?? locale} />
        </ClientMessages>
      </section>
      {routing.locales.map((l) => {
        const inLocale = terms.filter((term) => term.locale === l);
        return (
          <section key={l} aria-labelledby={`glossary-${l}`} className="mt-8">
            <h2 id={`glossary-${l}`} className="text-xl font-semibold">{t('localeHeading', { language: lang(l), count: inLocale.length })}</h2>
            {inLocale.length === 0 ? (
              <p className="mt-2 rounded-lg border border-dashed border-stone-300 p-4 text-stone-600">{t('empty')}</p>
            ) : (
              <table className="mt-2 w-full border-collapse overflow-hidden rounded-lg bg-white text-left text-sm">
                <thead className="bg-stone-100">
                  <tr>
                    <th scope="col" className="p-2">{t('term')}</th>
                    <th scope="col" className="p-2">{t('translation')}</th>
                    <th scope="col" className="p-2">{t('note')}</th>
                    <th scope="col" className="p-2"><span className="sr-only">{t('actions')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {inLocale.map((term) => (
                    <tr key={term.id} className="border-t border-stone-200">
                      <td className="p-2 font-medium">{term.term}</td>
                      <td className="p-2" lang={l === 'zh' ? 'zh-CN' : l}>{term.translation}</td>
                      <td className="p-2 text-stone-600">{term.note}</td>
                      <td className="p-2 text-right">
                        <Link href={{ pathname: '/admin/glossary', query: { edit: term.id }, hash: 'glossary-form' }} className="text-brand-700 underline" aria-label={t('editTerm', { term: term.term })}>
                          {t('edit')}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </>
  );
}
