import { z } from 'zod';
import { locales } from '@/lib/i18n/routing';
import { isHttpsUrl } from '@/lib/validations/events';
import { oneLine } from '@/lib/validations/text';
import {
  linkField,
  MAX_FOOTER_LINKS,
  MAX_LINK_LABEL,
  MAX_LINK_URL,
  MAX_TAGLINE,
  MAX_TITLE,
  type FooterLink,
} from '@/lib/site-settings/fields';

// Messages are keys under SiteSettingsForm.errors, translated where they are shown.
const E = (key: string) => `SiteSettingsForm.errors.${key}`;

/**
 * A footer link goes to an https:// address or to a path on this site. Refused: http:, javascript:,
 * data: and every other scheme, protocol-relative `//host`, and `/\host`, which browsers read as
 * `//host`.
 */
export function isFooterLinkUrl(value: string): boolean {
  if (value.length > MAX_LINK_URL) return false;
  if (value.startsWith('/')) return /^\/(?![/\\])[^\s\u0000-\u001f\u007f]*$/.test(value);
  return isHttpsUrl(value);
}

/** What a SiteSetting row `site:<locale>` holds; read back through the same schema. */
export const siteSettingsValueSchema = z.object({
  title: z.string().trim().min(1).max(MAX_TITLE),
  tagline: z.string().trim().min(1).max(MAX_TAGLINE),
  links: z
    .array(z.object({ label: z.string().trim().min(1).max(MAX_LINK_LABEL), url: z.string().trim().refine(isFooterLinkUrl) }))
    .max(MAX_FOOTER_LINKS),
});
export type SiteSettingsValue = z.output<typeof siteSettingsValueSchema>;

const rowText = z.string().optional().transform((v) => (v ?? '').trim());

const linkShape: Record<string, typeof rowText> = {};
// The link fields are built in a loop, so their names are not in the inferred type.
const rowsOf = (form: object) => form as Record<string, string | undefined>;
for (let i = 0; i < MAX_FOOTER_LINKS; i++) {
  linkShape[linkField.label(i)] = rowText;
  linkShape[linkField.url(i)] = rowText;
  linkShape[linkField.remove(i)] = rowText;
}

/**
 * The form for one language: title, tagline and up to MAX_FOOTER_LINKS rows of links, named
 * flat (linkLabel0, linkUrl0 …) so that each error lands on its own field. Empty rows and rows
 * marked for removal are dropped; rows past the limit are never read.
 */
export const siteSettingsFormSchema = z
  .object({
    locale: z.enum(locales, E('invalid')),
    version: z.coerce.number(E('invalid')).int(E('invalid')).min(0, E('invalid')).max(2_147_483_647, E('invalid')),
    title: oneLine(z.string(E('titleRequired')).trim().min(1, E('titleRequired')).max(MAX_TITLE, E('titleTooLong'))),
    tagline: z.string(E('taglineRequired')).trim().min(1, E('taglineRequired')).max(MAX_TAGLINE, E('taglineTooLong')),
    ...linkShape,
  })
  .superRefine((form, ctx) => {
    const row = rowsOf(form);
    for (let i = 0; i < MAX_FOOTER_LINKS; i++) {
      if (row[linkField.remove(i)]) continue;
      const label = row[linkField.label(i)] ?? '';
      const url = row[linkField.url(i)] ?? '';
      if (!label && !url) continue;
      const issue = (field: string, key: string) => ctx.addIssue({ code: 'custom', path: [field], message: E(key) });
      if (!label) issue(linkField.label(i), 'labelRequired');
      else if (label.length > MAX_LINK_LABEL) issue(linkField.label(i), 'labelTooLong');
      if (!url) issue(linkField.url(i), 'urlRequired');
      else if (!isFooterLinkUrl(url)) issue(linkField.url(i), 'urlInvalid');
    }
  })
  .transform((form) => {
    const row = rowsOf(form);
    const links: FooterLink[] = [];
    for (let i = 0; i < MAX_FOOTER_LINKS; i++) {
      const label = row[linkField.label(i)] ?? '';
      const url = row[linkField.url(i)] ?? '';
      if (!row[linkField.remove(i)] && (label || url)) links.push({ label, url });
    }
    return { locale: form.locale, version: form.version, settings: { title: form.title, tagline: form.tagline, links } };
  });
export type SiteSettingsInput = z.output<typeof siteSettingsFormSchema>;
