'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionState, FormAction } from '@/lib/actions/safe-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-field';
import { useMessageKeys } from '@/components/ui/use-message-keys';
import { ImageFileInput } from '@/components/ui/image-file-input';

/** Uploading or removing one post's thumbnail. */
export function ThumbnailForm({ action, slug, current }: { action: FormAction; slug: string; current: string | null }) {
  const t = useTranslations('PostThumbnail');
  const u = useTranslations('Uploads');
  const messages = useMessageKeys();
  const [state, formAction, pending] = useActionState<ActionState | null, FormData>(action, null);
  const failed = state && !state.ok ? state : null;
  const errors = messages.all(failed?.fieldErrors?.thumbnail);
  return (
    <form action={formAction} className="max-w-xl space-y-4">
      <input type="hidden" name="slug" value={slug} />
      <FormMessage tone="error">{failed?.formError ? messages.one(failed.formError) : null}</FormMessage>
      <FormMessage tone="success">{state?.ok ? t('saved') : null}</FormMessage>
      {current ? (
        // eslint-disable-next-line @next/next/no-img-element -- a local upload, already sized
        <img src={current} alt={u('currentThumbnail')} width={240} className="w-60 rounded border border-stone-200" />
      ) : (
        <p className="text-sm text-stone-600">{t('none')}</p>
      )}
      <div className="space-y-1">
        <ImageFileInput id="post-thumbnail" name="thumbnail" label={u('thumbnailLabel')} hint={u('qrHint')} errors={errors} />
      </div>
      {current && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="removeThumbnail" /> {u('removeThumbnail')}
        </label>
      )}
      <Button type="submit" disabled={pending}>{t('save')}</Button>
    </form>
  );
}
