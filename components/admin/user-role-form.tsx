'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { changeUserRoleAction } from '@/lib/actions/users';
import { ROLES } from '@/lib/validations/users';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { useMessageKeys } from '@/components/ui/use-message-keys';

export function UserRoleForm({ userId, email, role }: { userId: string; email: string; role: (typeof ROLES)[number] }) {
  const t = useTranslations('AdminUsers');
  const roles = useTranslations('Roles');
  const messages = useMessageKeys();
  const [state, formAction, pending] = useActionState(changeUserRoleAction, null);
  const id = `role-${userId}`;
  const error = state && !state.ok ? (messages.one(state.formError) ?? messages.all(state.fieldErrors?.role)[0]) : null;

  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="sr-only">{t('roleFor', { email })}</label>
      <div className="flex items-center gap-2 whitespace-nowrap">
        <Select id={id} name="role" defaultValue={role} className="w-auto py-1" aria-describedby={`${id}-status`}>
          {ROLES.map((r) => (
            <option key={r} value={r}>{roles(r.toLowerCase())}</option>
          ))}
        </Select>
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>{t('saveRole')}</Button>
      </div>
      <p id={`${id}-status`} role="status" className={`basis-full text-sm ${error ? 'text-red-800' : 'text-green-800'}`}>
        {state?.ok ? t('saved') : error}
      </p>
    </form>
  );
}
