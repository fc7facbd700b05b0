import 'server-only';
import { cache } from 'react';
import { unstable_cache } from 'next/cache';
import { readSiteSettings, SITE_SETTINGS_TAG, type SiteSettingsDto } from '@/lib/dal/site-settings';
import type { Locale } from '@/lib/i18n/routing';

/**
 * Every page reads the settings (header, footer, <title>): one cached copy serves them all, so a
 * render adds no query. A save expires the tag at once (lib/actions/site-settings.ts); the hour
 * only bounds how long a change made outside the site can stay unseen.
 */
const readCached = unstable_cache(readSiteSettings, ['site-settings'], { revalidate: 3600, tags: [SITE_SETTINGS_TAG] });

/** One language's site title, tagline and footer links, as visitors see them. */
export const getSiteSettings = cache(async (locale: Locale): Promise<SiteSettingsDto> => (await readCached())[locale]);
