import { getTranslations } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { HREFLANG } from '@/lib/site';
import { getSiteSettingsForAdmin } from '@/lib/dal/site-settings';
import { saveSiteSettingsAction } from '@/lib/actions/site-settings';
import { settingsToValues } from '@/lib/site-settings/fields';
import { adminMetadata, openAdminPage } from '@/components/admin/admin-page';
import { ClientMessages } from '@/components/ui/client-messages';
import { SiteSettingsForm } from '@/components/admin/site-settings-form';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('SiteSettings', 'title');

export default async function SiteSettingsPage({ params }: PageProps<'/[locale]/admin/settings'>) {
  await openAdminPage(params);
  // Read past the cache: the form must carry the version that is stored now.
  const settings = await getSiteSettingsForAdmin();
  const t = await getTranslations('SiteSettings');
  const languages = await getTranslations('Languages');
  return (
    <>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="text-stone-600">{t('intro')}</p>
      <ClientMessages namespaces={['SiteSettingsForm', 'FormErrors']}>
        <div className="grid gap-8 lg:grid-cols-2">
          {routing.locales.map((content) => (
            <section key={content} className="rounded-lg border border-stone-200 bg-white p-4">
              <SiteSettingsForm
                action={saveSiteSettingsAction}
                locale={content}
                lang={HREFLANG[content]}
                language={languages(content)}
                initial={settingsToValues(settings[content])}
              />
            </section>
          ))}
        </div>
      </ClientMessages>
    </>
  );
}
