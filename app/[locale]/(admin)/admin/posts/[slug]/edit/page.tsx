import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, routing } from '@/lib/i18n/routing';
import { getSourceForEditing } from '@/lib/dal/source-posts';
import { guardPage } from '@/lib/pages/guard';
import { adminMetadata } from '@/components/admin/admin-page';
import { SourcePostForm } from '@/components/admin/source-post-form';
import { ClientMessages } from '@/components/ui/client-messages';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('AdminPosts', 'editTitle');

export default async function EditSourcePostPage({ params }: PageProps<'/[locale]/admin/posts/[slug]/edit'>) {
  const { locale, slug } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const source = await guardPage(locale, `/admin/posts/${encodeURIComponent(slug)}/edit`, () => getSourceForEditing(slug));
  if (!isLocale(source.locale)) notFound();
  const t = await getTranslations('AdminPosts');
  const lang = await getTranslations('Languages');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('editHeading', { title: source.title })}</h1>
      <p className="mt-1 max-w-2xl text-sm text-stone-600">{t('editIntro', { language: lang(source.locale) })}</p>
      <ClientMessages namespaces={['AdminPosts', 'FormErrors', 'Translate']}>
        <SourcePostForm source={{ ...source, locale: source.locale }} />
      </ClientMessages>
    </>
  );
}
