'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/actions/safe-action';
import { TAG_LIMITS } from '@/lib/validations/tags';
import { Button } from '@/components/ui/button';
import { FormField, FormMessage } from '@/components/ui/form-field';
import { useMessageKeys } from '@/components/ui/use-message-keys';

export type TagFormValues = {
  /** Set when editing: the slug is then shown, not asked for (it is the tag page's address). */
  id?: string;
  version?: number;
  slug: string;
  labelEn: string;
  labelZh: string;
};

export function TagForm({ action, initial, submitLabel }: { action: FormAction; initial: TagFormValues; submitLabel: string }) {
  const t = useTranslations('TagForm');
  const messages = useMessageKeys();
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const value = (name: keyof TagFormValues) => failed?.values?.[name] ?? String(initial[name] ?? '');
  const errors = (name: string) => messages.all(failed?.fieldErrors?.[name]);
  const editing = initial.id !== undefined;

  return (
    <form action={formAction} className="max-w-xl space-y-4">
      {editing && <input type="hidden" name="id" value={initial.id} />}
      {/* After a refused save the version stays the one first read: saving again needs a fresh look. */}
      {initial.version !== undefined && <input type="hidden" name="version" value={failed?.values?.version ?? String(initial.version)} />}
      <FormMessage tone="error">{failed?.formError ? messages.one(failed.formError) : null}</FormMessage>
      {!editing && (
        <FormField id="tag-slug" name="slug" label={t('slug')} hint={t('slugHint')} required maxLength={TAG_LIMITS.slug} defaultValue={value('slug')} errors={errors('slug')} />
      )}
      <FormField id="tag-labelEn" name="labelEn" lang="en" label={t('labelEn')} hint={t('labelEnHint')} maxLength={TAG_LIMITS.label} defaultValue={value('labelEn')} errors={errors('labelEn')} />
      <FormField id="tag-labelZh" name="labelZh" lang="zh" label={t('labelZh')} hint={t('labelZhHint')} maxLength={TAG_LIMITS.label} defaultValue={value('labelZh')} errors={errors('labelZh')} />
      <Button type="submit" disabled={pending}>{submitLabel}</Button>
    </form>
  );
}
