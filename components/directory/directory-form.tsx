'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/actions/safe-action';
import { DIRECTORY_LIMITS } from '@/lib/validations/directory';
import { Button } from '@/components/ui/button';
import { FormField, FormMessage } from '@/components/ui/form-field';
import { useMessageKeys } from '@/components/ui/use-message-keys';
import { TextAreaField } from '@/components/ui/form-controls';

export type DirectoryFormValues = {
  /** Set when editing: the slug is then shown, not asked for. */
  id?: string;
  version?: number;
  slug: string;
  name: string;
  url: string;
  info: string;
  tags: string;
  body: string;
  hidden: boolean;
};

export function DirectoryForm({ action, initial, submitLabel }: { action: FormAction; initial: DirectoryFormValues; submitLabel: string }) {
  const t = useTranslations('DirectoryForm');
  const messages = useMessageKeys();
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const value = (name: keyof DirectoryFormValues) => failed?.values?.[name] ?? String(initial[name] ?? '');
  const errors = (name: string) => messages.all(failed?.fieldErrors?.[name]);
  const editing = initial.id !== undefined;

  const area = (name: 'info' | 'body', rows: number, maxLength: number) => (
    <TextAreaField id={`directory-${name}`} name={name} rows={rows} maxLength={maxLength} label={t(name)} hint={t(`${name}Hint`)} defaultValue={value(name)} errors={errors(name)} />
  );

  return (
    <form action={formAction} className="max-w-2xl space-y-4">
      {editing && <input type="hidden" name="id" value={initial.id} />}
      {/* After a refused save the version stays the one first read: saving again needs a fresh look. */}
      {initial.version !== undefined && <input type="hidden" name="version" value={failed?.values?.version ?? String(initial.version)} />}
      <FormMessage tone="error">{failed?.formError ? messages.one(failed.formError) : null}</FormMessage>
      {editing ? (
        <p className="text-sm text-stone-700">{t('slugFixed', { slug: initial.slug })}</p>
      ) : (
        <FormField id="directory-slug" name="slug" label={t('slug')} hint={t('slugHint')} required maxLength={DIRECTORY_LIMITS.slug} defaultValue={value('slug')} errors={errors('slug')} />
      )}
      <FormField id="directory-name" name="name" label={t('name')} required maxLength={DIRECTORY_LIMITS.name} defaultValue={value('name')} errors={errors('name')} />
      <FormField id="directory-url" name="url" type="url" label={t('url')} hint={t('urlHint')} required maxLength={DIRECTORY_LIMITS.url} defaultValue={value('url')} errors={errors('url')} />
      {area('info', 2, DIRECTORY_LIMITS.info)}
      <FormField id="directory-tags" name="tags" label={t('tags')} hint={t('tagsHint', { max: DIRECTORY_LIMITS.tags, length: DIRECTORY_LIMITS.tag })} defaultValue={value('tags')} errors={errors('tags')} />
      {area('body', 8, DIRECTORY_LIMITS.body)}
      <label className="flex items-center gap-2">
        <input type="checkbox" name="hidden" defaultChecked={failed?.values ? failed.values.hidden === 'on' : initial.hidden} /> {t('hidden')}
      </label>
      <Button type="submit" disabled={pending}>{submitLabel}</Button>
    </form>
  );
}
