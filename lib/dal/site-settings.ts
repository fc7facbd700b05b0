import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { requireRole } from '@/lib/dal/session';
import { writeAudit } from '@/lib/dal/audit';
import { locales, type Locale } from '@/lib/i18n/routing';
import { defaultSiteSettings } from '@/lib/site-settings/defaults';
import { siteSettingsValueSchema, type SiteSettingsInput, type SiteSettingsValue } from '@/lib/validations/site-settings';

/** The cache tag of every read of the site settings (lib/dal/cached-site-settings.ts). */
export const SITE_SETTINGS_TAG = 'site-settings';

export type SiteSettingsDto = SiteSettingsValue & {
  /** 0 while nothing is stored for the language; the form sends it back to detect concurrent saves. */
  version: number;
};

// Distinct from the one-time markers (demoContentLoadedAt …) that share the table.
export const siteSettingsKey = (locale: Locale) => `site:${locale}`;

export class SiteSettingsWriteError extends Error {
  constructor(readonly code: 'CONFLICT') {
    super(code);
  }
}

/**
 * The settings of every language, falling back to the messages' title and tagline where nothing
 * (or nothing readable) is stored. Public: pages call it through the cached wrapper.
 */
export async function readSiteSettings(): Promise<Record<Locale, SiteSettingsDto>> {
  const rows = await db.siteSetting.findMany({
    where: { key: { in: locales.map(siteSettingsKey) } },
    select: { key: true, value: true, version: true },
  });
  const out = {} as Record<Locale, SiteSettingsDto>;
  for (const locale of locales) {
    const row = rows.find((r) => r.key === siteSettingsKey(locale));
    const stored = row ? siteSettingsValueSchema.safeParse(row.value) : null;
    out[locale] = { ...(stored?.success ? stored.data : defaultSiteSettings(locale)), version: row?.version ?? 0 };
  }
  return out;
}

export async function getSiteSettingsForAdmin(): Promise<Record<Locale, SiteSettingsDto>> {
  await requireRole('ADMIN');
  return readSiteSettings();
}

/**
 * Saves one language's settings if they are still at `version` (0: nothing stored yet); a save
 * based on an older read is refused with CONFLICT and changes nothing.
 */
export async function saveSiteSettings({ locale, version, settings }: SiteSettingsInput): Promise<{ version: number }> {
  const actor = await requireRole('ADMIN');
  // The form's schema already checked this; the stored shape is checked again on the way in.
  const value = siteSettingsValueSchema.parse(settings) as Prisma.InputJsonObject;
  const key = siteSettingsKey(locale);
  return db.$transaction(async (tx) => {
    let saved: number;
    if (version === 0) {
      const { count } = await tx.siteSetting.createMany({ data: [{ key, value }], skipDuplicates: true });
      if (count === 0) throw new SiteSettingsWriteError('CONFLICT');
      saved = 1;
    } else {
      const { count } = await tx.siteSetting.updateMany({ where: { key, version }, data: { value, version: { increment: 1 } } });
      if (count === 0) throw new SiteSettingsWriteError('CONFLICT');
      saved = version + 1;
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'site.settings',
      targetType: 'SiteSetting',
      targetId: key,
      data: { title: settings.title, tagline: settings.tagline, links: settings.links.length, version: saved },
    });
    return { version: saved };
  });
}
