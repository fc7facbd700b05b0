import 'server-only';
import { getTranslations } from 'next-intl/server';

/** The admin console's sections, in the order both the admin menu and the admin home list them. */
export async function adminSections(): Promise<{ href: string; title: string; hint: string }[]> {
  const t = await getTranslations('AdminHome');
  const posts = await getTranslations('PostAdmin');
  const events = await getTranslations('EventAdmin');
  const channels = await getTranslations('ChannelAdmin');
  const directory = await getTranslations('DirectoryAdmin');
  const tags = await getTranslations('TagAdmin');
  const glossary = await getTranslations('Glossary');
  const settings = await getTranslations('SiteSettings');
  return [
    { href: '/admin/users', title: t('users'), hint: t('usersHint') },
    { href: '/admin/audit', title: t('audit'), hint: t('auditHint') },
    { href: '/admin/posts', title: posts('navLink'), hint: posts('cardHint') },
    { href: '/admin/events', title: events('navLink'), hint: t('eventsHint') },
    { href: '/admin/channels', title: channels('navLink'), hint: t('channelsHint') },
    { href: '/admin/directory', title: directory('navLink'), hint: directory('homeHint') },
    { href: '/admin/tags', title: tags('navLink'), hint: tags('homeHint') },
    { href: '/admin/glossary', title: glossary('title'), hint: t('glossaryHint') },
    { href: '/admin/settings', title: settings('navLink'), hint: settings('cardHint') },
  ];
}
