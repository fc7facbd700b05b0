import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { requireAdminPage } from '@/components/admin/require-admin';
import { adminSections } from '@/components/admin/sections';

export const dynamic = 'force-dynamic';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // Before anything is rendered: a non-admin must not even see the admin navigation.
  await requireAdminPage();
  const t = await getTranslations('AdminHome');
  const sections = await adminSections();
  return (
    <div className="space-y-6">
      <nav aria-label={t('navLabel')} className="flex flex-wrap gap-x-4 gap-y-2 border-b border-stone-200 pb-3 text-sm font-medium">
        <Link href="/admin" className="hover:text-brand-700">{t('title')}</Link>
        {sections.map((section) => (
          <Link key={section.href} href={section.href} className="hover:text-brand-700">{section.title}</Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
