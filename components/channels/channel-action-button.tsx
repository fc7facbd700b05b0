'use client';

import { useActionState } from 'react';
import type { FormAction } from '@/lib/actions/safe-action';
import { Button } from '@/components/ui/button';
import { useMessageKeys } from '@/components/ui/use-message-keys';

type Props = {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  ariaLabel: string;
  variant?: 'secondary' | 'danger';
  disabled?: boolean;
};

/** One admin row action (hide, move, delete) as its own small form. */
export function ChannelActionButton({ action, fields, label, ariaLabel, variant = 'secondary', disabled }: Props) {
  const messages = useMessageKeys();
  const [state, formAction, pending] = useActionState(action, null);
  const error = state && !state.ok ? messages.one(state.formError ?? 'FormErrors.invalid') : null;
  return (
    <form action={formAction} className="inline-block">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" size="sm" variant={variant} disabled={pending || disabled} aria-label={ariaLabel}>
        {label}
      </Button>
      {error && <span role="alert" className="ml-1 text-sm text-red-800">{error}</span>}
    </form>
  );
}
