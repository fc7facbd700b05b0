'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { setUserDisabledAction } from '@/lib/actions/users';
import { Button } from '@/components/ui/button';
import { useMessageKeys } from '@/components/ui/use-message-keys';

export function UserStatusForm({ userId, email, disabled }: { userId: string; email: string; disabled: boolean }) {
  const t = useTranslations('AdminUsers');
  const messages = useMessageKeys();
  const [state, formAction, pending] = useActionState(setUserDisabledAction, null);
  const error = state && !state.ok ? messages.one(state.formError ?? 'FormErrors.invalid') : null;

  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
      <Button
        type="submit"
        size="sm"
        variant={disabled ? 'secondary' : 'danger'}
        disabled={pending}
        aria-label={disabled ? t('enableFor', { email }) : t('disableFor', { email })}
        aria-describedby={`status-${userId}`}
      >
        {disabled ? t('enable') : t('disable')}
      </Button>
      <p id={`status-${userId}`} role="status" className="text-sm text-red-800">{error}</p>
    </form>
  );
}
