'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { upsertGlossaryAction } from '@/lib/actions/translation';
import { locales } from '@/lib/i18n/routing';
import type { GlossaryEntry } from '@/lib/dal/glossary';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { useMessageKeys } from '@/components/ui/use-message-keys';

const FIELDS = ['term', 'translation', 'note'] as const;

/** Adds a term, or updates it: a term is unique per language, so saving an existing one replaces it. */
export function GlossaryForm({ initial, defaultLocale }: { initial: GlossaryEntry | null; defaultLocale: string }) {
  const t = useTranslations('Glossary');
  const keys = useMessageKeys();
  const lang = useTranslations('Languages');
  const [state, action, pending] = useActionState(upsertGlossaryAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const formError = state && !state.ok ? state.error : undefined;
  const described = (field: string) => (errors[field]?.length ? `glossary-${field}-error` : undefined);
  return (
    <form action={action} className="mt-3 grid gap-3 sm:grid-cols-2">
      {FIELDS.map((field) => (
        <div key={field} className={field === 'note' ? 'sm:col-span-2' : undefined}>
          <label htmlFor={`glossary-${field}`} className="block text-sm font-medium">{t(field)}</label>
          <Input
            id={`glossary-${field}`}
            name={field}
            defaultValue={initial?.[field] ?? ''}
            required={field !== 'note'}
            readOnly={field === 'term' && initial !== null}
            aria-invalid={errors[field]?.length ? true : undefined}
            aria-describedby={described(field)}
            className="mt-1 read-only:bg-stone-50"
          />
          {errors[field]?.length ? (
            <p id={`glossary-${field}-error`} className="mt-1 text-sm text-red-800">
              {keys.all(errors[field]).join(' ')}
            </p>
          ) : null}
        </div>
      ))}
      <div>
        <label htmlFor="glossary-locale" className="block text-sm font-medium">{t('locale')}</label>
        <Select id="glossary-locale" name="locale" defaultValue={initial?.locale ?? defaultLocale} className="mt-1">
          {locales.map((l) => (
            <option key={l} value={l}>{lang(l)}</option>
          ))}
        </Select>
      </div>
      <div className="flex items-end gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {t('save')}
        </Button>
        <p role="status" aria-live="polite" className="text-sm">
          {state?.ok && <span className="text-green-800">{t('saved')}</span>}
          {formError && <span className="text-red-800">{keys.one(formError)}</span>}
        </p>
      </div>
    </form>
  );
}
