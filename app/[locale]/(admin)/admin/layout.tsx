import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { requireAdminPage } from '@/components/admin/require-admin';

export const dynamic = 'force-dynamic';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // Before anything is rendered: a non-admin must not even see the admin navigation.
  await requireAdminPage();
  const t = await getTranslations('AdminHome');
  const events = await getTranslations('EventAdmin');
  const channels = await getTranslations('ChannelAdmin');
  const posts = await getTranslations('PostAdmin');
  const directory = await getTranslations('DirectoryAdmin');
  const tags = await getTranslations('TagAdmin');
  const settings = await getTranslations('SiteSettings');
  const glossary = await getTranslations('Glossary');
  return (
    <div className="space-y-6">
      <nav aria-label={t('navLabel')} className="flex flex-wrap gap-x-4 gap-y-2 border-b border-stone-200 pb-3 text-sm font-medium">
        <Link href="/admin" className="hover:text-brand-700">{t('title')}</Link>
        <Link href="/admin/users" className="hover:text-brand-700">{t('users')}</Link>
        <Link href="/admin/audit" className="hover:text-brand-700">{t('audit')}</Link>
        <Link href="/admin/posts" className="hover:text-brand-700">{posts('navLink')}</Link>
        <Link href="/admin/events" className="hover:text-brand-700">{events('navLink')}</Link>
        <Link href="/admin/channels" className="hover:text-brand-700">{channels('navLink')}</Link>
        <Link href="/admin/directory" className="hover:text-brand-700">{directory('navLink')}</Link>
        <Link href="/admin/tags" className="hover:text-brand-700">{tags('navLink')}</Link>
        <Link href="/admin/glossary" className="hover:text-brand-700">{glossary('title')}</Link>
        <Link href="/admin/settings" className="hover:text-brand-700">{settings('navLink')}</Link>
      </nav>
      {children}
    </div>
  );
}
