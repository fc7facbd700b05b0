import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, otherLocales, routing, type Locale } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { parsePage } from '@/lib/dal/posts';
import { getMyWork, listWaitingPosts } from '@/lib/dal/translation-queue';
import { getMyEmailVerification } from '@/lib/dal/email-verification';
import { claimPostAction, startUpdateAction } from '@/lib/actions/translation';
import { guardPage } from '@/lib/pages/guard';
import { Pagination } from '@/components/ui/pagination';
import { WaitingList } from '@/components/translate/waiting-list';
import { MyWorkSections } from '@/components/translate/my-work-sections';
import { ClientMessages } from '@/components/ui/client-messages';
import { EmailVerificationNotice } from '@/components/auth/email-verification-notice';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/translate'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Translate' });
  return { title: t('dashboardTitle'), robots: { index: false } };
}

/** The language volunteers translate into unless they choose: the one that is not English. */
const DEFAULT_TARGET: Locale = otherLocales('en')[0]!;

export default async function TranslateDashboard({ params, searchParams }: PageProps<'/[locale]/translate'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const target = isLocale(query.lang) ? query.lang : DEFAULT_TARGET;
  const page = parsePage(query.page);
  if (page === null) notFound();
  const here = `/translate${query.lang || page > 1 ? `?lang=${target}${page > 1 ? `&page=${page}` : ''}` : ''}`;
  const [waiting, work, address] = await guardPage(locale, here, () => Promise.all([listWaitingPosts(target, page), getMyWork(), getMyEmailVerification()]));

  const t = await getTranslations('Translate');
  const lang = await getTranslations('Languages');

  return (
    <ClientMessages namespaces={['Translate', 'FormErrors']}>
      <h1 className="text-3xl font-bold">{t('dashboardTitle')}</h1>
      <p className="mt-2 max-w-2xl text-stone-600">{t('dashboardIntro')}</p>
      {!address.verified && (
        <div className="mt-4">
          <EmailVerificationNotice email={address.email} />
        </div>
      )}
      {query.submitted === '1' && (
        <p role="status" className="mt-4 rounded-lg border border-green-300 bg-green-50 p-3 text-green-900">
          {t('submittedNotice')}
        </p>
      )}

      <nav aria-label={t('targetLabel')} className="mt-6 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-stone-600">{t('targetLabel')}</span>
        {routing.locales.map((l) =>
          l === target ? (
            <span key={l} aria-current="true" className="rounded-full bg-stone-900 px-3 py-1 text-white">
              {lang(l)}
            </span>
          ) : (
            <Link key={l} href={{ pathname: '/translate', query: { lang: l } }} className="rounded-full border border-stone-300 bg-white px-3 py-1 hover:border-brand-600">
              {lang(l)}
            </Link>
          ),
        )}
      </nav>

      <section aria-labelledby="waiting-heading" className="mt-8">
        <h2 id="waiting-heading" className="text-xl font-semibold">
          {t('waitingHeading', { language: lang(target), count: waiting.total })}
        </h2>
        <WaitingList posts={waiting.items} target={target} action={claimPostAction.bind(null, locale)} />
        <Pagination path="/translate" page={waiting.page} pages={waiting.pages} query={{ lang: target }} />
      </section>

      <MyWorkSections work={work} updateAction={startUpdateAction.bind(null, locale)} />
    </ClientMessages>
  );
}
