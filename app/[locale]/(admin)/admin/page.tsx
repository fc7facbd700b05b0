import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { adminMetadata, openAdminPage } from '@/components/admin/admin-page';
import { adminSections } from '@/components/admin/sections';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('AdminHome', 'title');

export default async function AdminHomePage({ params }: PageProps<'/[locale]/admin'>) {
  await openAdminPage(params);
  const t = await getTranslations('AdminHome');
  const sections = await adminSections();
  return (
    <>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="text-stone-600">{t('intro')}</p>
      <ul className="grid gap-4 sm:grid-cols-2">
        {sections.map((section) => (
          <li key={section.href} className="rounded-lg border border-stone-200 bg-white p-4">
            <Link href={section.href} className="text-lg font-semibold text-brand-700 underline">{section.title}</Link>
            <p className="mt-1 text-sm text-stone-600">{section.hint}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
