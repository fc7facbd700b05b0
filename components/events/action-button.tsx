'use client';

import { useActionState } from 'react';
import type { ActionState, FormAction } from '@/lib/actions/safe-action';
import { Button, type ButtonProps } from '@/components/ui/button';
import { useMessageKeys } from '@/components/ui/use-message-keys';

/** A one-button form posting an event id to an admin action; works without JavaScript too. */
export function EventActionButton({ action, id, label, variant = 'secondary', size = 'sm' }: { action: FormAction; id: string; label: string; variant?: ButtonProps['variant']; size?: ButtonProps['size'] }) {
  const [state, formAction, pending] = useActionState<ActionState | null, FormData>(action, null);
  const messages = useMessageKeys();
  const error = state && !state.ok ? messages.one(state.formError ?? 'FormErrors.invalid') : null;
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant={variant} size={size} disabled={pending}>
        {label}
      </Button>
      {error && (
        <span role="alert" className="ml-2 text-sm text-red-800">
          {error}
        </span>
      )}
    </form>
  );
}
