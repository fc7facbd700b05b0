'use server';

import { revalidatePath } from 'next/cache';
import { changeRoleSchema, setDisabledSchema } from '@/lib/validations/users';
import { changeUserRole, setUserDisabled, type AdminChangeResult } from '@/lib/dal/users';
import { failure, withRole } from '@/lib/actions/safe-action';

function outcome(result: AdminChangeResult) {
  if (!result.ok) return failure(result.reason === 'LAST_ADMIN' ? 'AdminUsers.lastAdmin' : 'AdminUsers.notFound');
  revalidatePath('/[locale]/admin', 'layout');
  return { ok: true } as const;
}

export const changeUserRoleAction = withRole('ADMIN', changeRoleSchema, async ({ userId, role }) =>
  outcome(await changeUserRole(userId, role)),
);

export const setUserDisabledAction = withRole('ADMIN', setDisabledSchema, async ({ userId, disabled }) =>
  outcome(await setUserDisabled(userId, disabled)),
);
