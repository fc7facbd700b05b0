import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { adminMetadata, openAdminPage } from '@/components/admin/admin-page';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('AdminHome', 'title');

export default async function AdminHomePage({ params }: PageProps<'/[locale]/admin'>) {
  await openAdminPage(params);
  const t = await getTranslations('AdminHome');
  const posts = await getTranslations('PostAdmin');
  const directory = await getTranslations('DirectoryAdmin');
  const tags = await getTranslations('TagAdmin');
  const settings = await getTranslations('SiteSettings');
  const events = await getTranslations('EventAdmin');
  const channels = await getTranslations('ChannelAdmin');
  const glossary = await getTranslations('Glossary');
  const sections = [
    { href: '/admin/users', title: t('users'), hint: t('usersHint') },
    { href: '/admin/audit', title: t('audit'), hint: t('auditHint') },
    { href: '/admin/posts', title: posts('title'), hint: posts('cardHint') },
    { href: '/admin/events', title: events('title'), hint: t('eventsHint') },
    { href: '/admin/channels', title: channels('navLink'), hint: t('channelsHint') },
    { href: '/admin/directory', title: directory('navLink'), hint: directory('homeHint') },
    { href: '/admin/tags', title: tags('navLink'), hint: tags('homeHint') },
    { href: '/admin/glossary', title: glossary('title'), hint: t('glossaryHint') },
    { href: '/admin/settings', title: settings('navLink'), hint: settings('cardHint') },
  ] as const;
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
