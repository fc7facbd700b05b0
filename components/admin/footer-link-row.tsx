'use client';

import { useTranslations } from 'next-intl';
import { linkField, MAX_LINK_LABEL, MAX_LINK_URL, type FormValues } from '@/lib/site-settings/fields';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';

type Props = {
  index: number;
  count: number;
  idPrefix: string;
  lang: string;
  values: FormValues;
  errors: (name: string) => string[];
  pending: boolean;
};

/** One footer link of the settings form; its move buttons submit the form without saving it. */
export function FooterLinkRow({ index, count, idPrefix, lang, values, errors, pending }: Props) {
  const t = useTranslations('SiteSettingsForm');
  const n = index + 1;
  const id = (name: string) => `${idPrefix}-${index}-${name}`;
  return (
    <li>
      <fieldset className="grid gap-3 rounded-md border border-stone-200 bg-stone-50 p-3 sm:grid-cols-2">
        <legend className="px-1 text-sm font-medium">{t('linkLegend', { n })}</legend>
        <FormField
          id={id('label')}
          name={linkField.label(index)}
          lang={lang}
          label={t('linkLabel')}
          maxLength={MAX_LINK_LABEL}
          defaultValue={values[linkField.label(index)] ?? ''}
          errors={errors(linkField.label(index))}
        />
        <FormField
          id={id('url')}
          name={linkField.url(index)}
          label={t('linkUrl')}
          maxLength={MAX_LINK_URL}
          inputMode="url"
          spellCheck={false}
          autoCapitalize="off"
          defaultValue={values[linkField.url(index)] ?? ''}
          errors={errors(linkField.url(index))}
        />
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <Button type="submit" name="intent" value={`up:${index}`} variant="secondary" size="sm" disabled={pending || index === 0} aria-label={t('moveUpFor', { n })}>
            <span aria-hidden="true">↑</span> {t('moveUp')}
          </Button>
          <Button type="submit" name="intent" value={`down:${index}`} variant="secondary" size="sm" disabled={pending || index === count - 1} aria-label={t('moveDownFor', { n })}>
            <span aria-hidden="true">↓</span> {t('moveDown')}
          </Button>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={linkField.remove(index)} defaultChecked={values[linkField.remove(index)] === 'on'} />
            {t('remove')}
          </label>
        </div>
      </fieldset>
    </li>
  );
}
