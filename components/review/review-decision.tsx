'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionState } from '@/lib/actions/translation';
import { useMessageKeys } from '@/components/ui/use-message-keys';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

function Errors({ id, state }: { id: string; state: ActionState }) {
  const keys = useMessageKeys();
  if (!state || state.ok) return null;
  const messages = [...Object.values(state.fieldErrors ?? {}).flat(), ...(state.error ? [state.error] : [])];
  return (
    <p id={id} role="alert" className="mt-1 text-sm text-red-800">
      {keys.all(messages).join(' ')}
    </p>
  );
}

/** Send the draft back with a note, or publish it. Nobody approves their own work. */
export function ReviewDecision({ draftId, isOwn, requestChanges, approve }: { draftId: string; isOwn: boolean; requestChanges: Action; approve: Action }) {
  const t = useTranslations('Review');
  const [changes, changesAction, changesPending] = useActionState(requestChanges, null);
  const [approval, approveAction, approvePending] = useActionState(approve, null);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <form action={changesAction} className="rounded-lg border border-amber-300 bg-amber-50 p-4">
        <input type="hidden" name="draftId" value={draftId} />
        <label htmlFor="review-note" className="font-semibold">{t('noteLabel')}</label>
        <p id="review-note-hint" className="text-sm text-stone-700">{t('noteHint')}</p>
        <textarea id="review-note" name="note" rows={4} required aria-describedby={changes && !changes.ok ? 'review-note-hint review-note-error' : 'review-note-hint'} className="mt-2 w-full rounded-md border border-stone-300 bg-white p-2" />
        <Errors id="review-note-error" state={changes} />
        <button type="submit" disabled={isOwn || changesPending} className="mt-2 rounded-md bg-amber-800 px-3 py-1.5 font-medium text-white hover:bg-amber-900 disabled:cursor-not-allowed disabled:bg-stone-400">
          {t('requestChanges')}
        </button>
      </form>
      <form action={approveAction} className="rounded-lg border border-green-300 bg-green-50 p-4">
        <input type="hidden" name="draftId" value={draftId} />
        <p className="font-semibold">{t('approveHeading')}</p>
        <p id="approve-hint" className="text-sm text-stone-700">{isOwn ? t('ownWork') : t('approveHint')}</p>
        <Errors id="approve-error" state={approval} />
        <button type="submit" disabled={isOwn || approvePending} aria-describedby="approve-hint" className="mt-2 rounded-md bg-green-800 px-3 py-1.5 font-medium text-white hover:bg-green-900 disabled:cursor-not-allowed disabled:bg-stone-400">
          {t('approve')}
        </button>
      </form>
    </div>
  );
}
