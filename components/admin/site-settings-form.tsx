'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/actions/safe-action';
import type { SiteSettingsState } from '@/lib/actions/site-settings';
import { linkRowCount, MAX_TAGLINE, MAX_TITLE, type FormValues } from '@/lib/site-settings/fields';
import { Button } from '@/components/ui/button';
import { FormField, FormMessage } from '@/components/ui/form-field';
import { useMessageKeys } from '@/components/ui/use-message-keys';
import { FooterLinkRow } from '@/components/admin/footer-link-row';

type Props = {
  action: FormAction<SiteSettingsState>;
  /** The language these settings are for (not the admin's interface language). */
  locale: string;
  /** BCP 47 tag of that language, so screen readers read the fields in it. */
  lang: string;
  language: string;
  initial: FormValues;
};

export function SiteSettingsForm({ action, locale, lang, language, initial }: Props) {
  const t = useTranslations('SiteSettingsForm');
  const messages = useMessageKeys();
  const [state, formAction, pending] = useActionState(action, null);
  // A refused save and a move send back what was typed; a save shows what is now stored.
  const values = state?.values ?? initial;
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const errors = (name: string) => messages.all(fieldErrors?.[name]);
  const formError = state && !state.ok ? (state.formError ?? (fieldErrors?.version || fieldErrors?.locale ? 'SiteSettingsForm.errors.invalid' : undefined)) : undefined;
  const id = (name: string) => `site-${locale}-${name}`;
  const rows = linkRowCount(values);

  return (
    <form action={formAction} className="space-y-4" aria-labelledby={id('heading')}>
      <h2 id={id('heading')} className="text-xl font-semibold">{language}</h2>
      {/* First in the form, so that Enter in a field saves rather than moving a link. */}
      <button type="submit" name="intent" value="save" className="sr-only" tabIndex={-1} aria-hidden="true">
        {t('save', { language })}
      </button>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="version" value={values.version ?? initial.version ?? '0'} />
      <FormMessage tone="error">{formError ? messages.one(formError) : null}</FormMessage>
      <FormMessage tone="success">{state?.ok ? messages.one(state.notice) : null}</FormMessage>
      <FormField
        id={id('title')}
        name="title"
        lang={lang}
        label={t('title')}
        hint={t('titleHint')}
        required
        maxLength={MAX_TITLE}
        defaultValue={values.title ?? ''}
        errors={errors('title')}
      />
      <FormField
        id={id('tagline')}
        name="tagline"
        lang={lang}
        label={t('tagline')}
        hint={t('taglineHint')}
        required
        maxLength={MAX_TAGLINE}
        defaultValue={values.tagline ?? ''}
        errors={errors('tagline')}
      />
      <fieldset className="space-y-3" aria-describedby={id('links-hint')}>
        <legend className="font-medium">{t('links')}</legend>
        <p id={id('links-hint')} className="text-sm text-stone-600">{t('linksHint')}</p>
        <ol className="space-y-3">
          {Array.from({ length: rows }, (_, i) => (
            <FooterLinkRow key={`${i}:${values[`linkLabel${i}`] ?? ''}:${values[`linkUrl${i}`] ?? ''}`} index={i} count={rows} idPrefix={id('link')} lang={lang} values={values} errors={errors} pending={pending} />
          ))}
        </ol>
      </fieldset>
      <Button type="submit" name="intent" value="save" disabled={pending}>{t('save', { language })}</Button>
    </form>
  );
}
