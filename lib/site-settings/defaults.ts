import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import type { Locale } from '@/lib/i18n/routing';
import type { FooterLink } from '@/lib/site-settings/fields';

const MESSAGES = { en, zh } as const;

/** What the site shows until an admin saves settings for a language: the messages' own. */
export function defaultSiteSettings(locale: Locale): { title: string; tagline: string; links: FooterLink[] } {
  const meta = MESSAGES[locale].Metadata;
  return { title: meta.siteName, tagline: meta.tagline, links: [] };
}
