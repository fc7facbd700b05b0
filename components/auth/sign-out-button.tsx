'use client';

import { useState } from 'react';
import { Button, type ButtonProps } from '@/components/ui/button';
import { signOutAndGo } from '@/components/auth/auth-client';

export function SignOutButton({ label, pendingLabel, redirectTo, ...props }: ButtonProps & { label: string; pendingLabel: string; redirectTo: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      {...props}
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOutAndGo(redirectTo);
      }}
    >
      {pending ? pendingLabel : label}
    </Button>
  );
}
