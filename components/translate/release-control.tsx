'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionState } from '@/lib/actions/translation';
import { Button } from '@/components/ui/button';
import { useMessageKeys } from '@/components/ui/use-message-keys';

type Props = { draftId: string; action: (prev: ActionState, formData: FormData) => Promise<ActionState>; onConfirm: () => void };

/** Giving up a claim frees the post for others, so it asks first. */
export function ReleaseControl({ draftId, action, onConfirm }: Props) {
  const t = useTranslations('Translate');
  const keys = useMessageKeys();
  const [asking, setAsking] = useState(false);
  const [state, formAction, pending] = useActionState(action, null);
  const error = state && !state.ok ? (state.error ?? 'Translate.errors.invalid') : null;

  if (!asking) {
    return (
      <Button variant="danger" size="sm" onClick={() => setAsking(true)}>
        {t('release')}
      </Button>
    );
  }
  return (
    <form action={formAction} onSubmit={onConfirm} role="alertdialog" aria-labelledby="release-question" className="w-full rounded-md border border-red-300 bg-red-50 p-3 text-sm">
      <input type="hidden" name="draftId" value={draftId} />
      <p id="release-question" className="text-red-950">{t('releaseConfirm')}</p>
      <div className="mt-2 flex gap-2">
        <Button type="submit" variant="danger" size="sm" disabled={pending} autoFocus>
          {t('releaseYes')}
        </Button>
        <Button variant="secondary" size="sm" onClick={() => setAsking(false)}>
          {t('releaseCancel')}
        </Button>
      </div>
      {error && <p role="alert" className="mt-2 text-red-800">{keys.one(error)}</p>}
    </form>
  );
}
