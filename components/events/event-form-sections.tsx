'use client';

import { useTranslations } from 'next-intl';
import { FormField } from '@/components/ui/form-field';
import { TextAreaField } from '@/components/ui/form-controls';
import type { EventFormValues } from '@/components/events/event-form';
import { MAX_PARTNERS, MODE_KEY } from '@/lib/events/labels';
import { ImageFileInput } from '@/components/ui/image-file-input';

type SectionProps = { values: EventFormValues; errors: (name: string) => string[] };

const LANGUAGES = [
  { locale: 'en', htmlLang: 'en' },
  { locale: 'zh', htmlLang: 'zh-CN' },
] as const;


/** Title, summary and Markdown description per language; one language is enough. */
export function LocalizedFields({ values, errors }: SectionProps) {
  const t = useTranslations('EventForm');
  const lang = useTranslations('EventForm.languages');
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {LANGUAGES.map(({ locale, htmlLang }) => (
        <fieldset key={locale} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
          <legend className="px-1 text-lg font-semibold">{lang(locale)}</legend>
          <FormField id={`title_${locale}`} name={`title_${locale}`} lang={htmlLang} label={t('title')} defaultValue={values[`title_${locale}`] ?? ''} errors={errors(`title_${locale}`)} />
          <FormField id={`summary_${locale}`} name={`summary_${locale}`} lang={htmlLang} label={t('summary')} hint={t('summaryHint')} defaultValue={values[`summary_${locale}`] ?? ''} errors={errors(`summary_${locale}`)} />
          <TextAreaField
            id={`description_${locale}`}
            name={`description_${locale}`}
            lang={htmlLang}
            rows={10}
            className="font-mono text-sm"
            label={t('description')}
            hint={t('descriptionHint')}
            defaultValue={values[`description_${locale}`] ?? ''}
            errors={errors(`description_${locale}`)}
          />
        </fieldset>
      ))}
      <p className="text-sm text-stone-600 lg:col-span-2">{t('oneLanguageHint')}</p>
    </div>
  );
}

export function PlaceFields({ values, errors }: SectionProps) {
  const t = useTranslations('EventForm');
  const modes = useTranslations('EventMode');
  const mode = values.mode || 'ONLINE';
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2">
      <legend className="mb-2 text-lg font-semibold">{t('place')}</legend>
      <fieldset className="sm:col-span-2" aria-describedby={errors('mode').length ? 'mode-error' : undefined}>
        <legend className="mb-1 font-medium">{t('mode')}</legend>
        <div className="flex flex-wrap gap-4">
          {(['ONLINE', 'IN_PERSON', 'HYBRID'] as const).map((m) => (
            <label key={m} className="flex items-center gap-2">
              <input type="radio" name="mode" value={m} defaultChecked={mode === m} />
              {modes(MODE_KEY[m])}
            </label>
          ))}
        </div>
        {errors('mode').length > 0 && <p id="mode-error" className="text-sm text-red-800">{errors('mode').join(' ')}</p>}
      </fieldset>
      <FormField id="venueName" name="venueName" label={t('venueName')} defaultValue={values.venueName ?? ''} errors={errors('venueName')} />
      <FormField id="city" name="city" label={t('city')} defaultValue={values.city ?? ''} errors={errors('city')} />
      <div className="sm:col-span-2">
        <FormField id="venueAddress" name="venueAddress" label={t('venueAddress')} defaultValue={values.venueAddress ?? ''} errors={errors('venueAddress')} />
      </div>
    </fieldset>
  );
}

/** Numbered rows rather than a script-driven list: the form works without JavaScript. */
export function PartnerRows({ values, errors }: SectionProps) {
  const t = useTranslations('EventForm');
  const filled = Array.from({ length: MAX_PARTNERS }, (_, i) => i).filter((i) => values[`partnerName${i}`] || values[`partnerUrl${i}`] || values[`partnerLogo${i}`]);
  const rows = Math.min(MAX_PARTNERS, Math.max(3, (filled.at(-1) ?? -1) + 2));
  return (
    <fieldset className="space-y-3">
      <legend className="mb-2 text-lg font-semibold">{t('partners')}</legend>
      <p className="text-sm text-stone-600">{t('partnersHint')}</p>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="grid gap-3 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-3">
          <FormField id={`partnerName${i}`} name={`partnerName${i}`} label={t('partnerName', { n: i + 1 })} defaultValue={values[`partnerName${i}`] ?? ''} errors={errors(`partnerName${i}`)} />
          <FormField id={`partnerUrl${i}`} name={`partnerUrl${i}`} type="url" label={t('partnerUrl', { n: i + 1 })} defaultValue={values[`partnerUrl${i}`] ?? ''} errors={errors(`partnerUrl${i}`)} />
          <FormField id={`partnerLogo${i}`} name={`partnerLogo${i}`} label={t('partnerLogo', { n: i + 1 })} defaultValue={values[`partnerLogo${i}`] ?? ''} errors={errors(`partnerLogo${i}`)} />
        </div>
      ))}
    </fieldset>
  );
}

/** Uploading a cover image, or removing the current one; the address field above stays for covers hosted elsewhere. */
export function CoverUpload({ current, errors }: { current: string; errors: string[] }) {
  const u = useTranslations('Uploads');
  return (
    <div className="space-y-1 sm:col-span-2">
      <ImageFileInput id="coverFile" name="coverFile" label={u('coverLabel')} hint={u('qrHint')} errors={errors} />
      {current && (
        <div className="flex items-center gap-3">
          {/* eslint-disable-next-line @next/next/no-img-element -- a preview of the stored cover */}
          <img src={current} alt={u('currentCover')} width={160} className="max-h-24 w-40 rounded border border-stone-200 object-cover" />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="removeCover" /> {u('removeCover')}
          </label>
        </div>
      )}
    </div>
  );
}
