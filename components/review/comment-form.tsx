'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { addCommentAction } from '@/lib/actions/translation';
import { Button } from '@/components/ui/button';
import { useMessageKeys } from '@/components/ui/use-message-keys';

/** A reviewer's note on one block; the page shows it once saved. */
export function CommentForm({ draftId, blockIndex }: { draftId: string; blockIndex: number }) {
  const t = useTranslations('Review');
  const keys = useMessageKeys();
  const [state, action, pending] = useActionState(addCommentAction, null);
  const id = `comment-${blockIndex}`;
  const errors = state && !state.ok ? [...(state.fieldErrors?.body ?? []), ...(state.error ? [state.error] : [])] : [];
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-brand-700">{t('addComment')}</summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="draftId" value={draftId} />
        <input type="hidden" name="blockIndex" value={blockIndex} />
        <label htmlFor={id} className="sr-only">{t('commentLabel', { n: blockIndex + 1 })}</label>
        <textarea id={id} name="body" rows={3} required aria-describedby={errors.length ? `${id}-error` : undefined} className="w-full rounded-md border border-stone-300 p-2" />
        {errors.length > 0 && (
          <p id={`${id}-error`} role="alert" className="text-red-800">
            {keys.all(errors).join(' ')}
          </p>
        )}
        {state?.ok && <p role="status" className="text-green-800">{t('commentSaved')}</p>}
        <Button type="submit" variant="secondary" size="sm" disabled={pending}>
          {t('saveComment')}
        </Button>
      </form>
    </details>
  );
}
