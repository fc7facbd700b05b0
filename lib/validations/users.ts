import { z } from 'zod';
import { emailSchema, NAME_MAX_LENGTH, newPasswordSchema } from '@/lib/validations/auth';

export const ROLES = ['VOLUNTEER', 'REVIEWER', 'ADMIN'] as const;
export const roleSchema = z.enum(ROLES, { error: 'FormErrors.roleInvalid' });

const userId = z.string().min(1, { error: 'FormErrors.invalid' }).max(64, { error: 'FormErrors.invalid' });

export const changeRoleSchema = z.object({ userId, role: roleSchema });

export const setDisabledSchema = z.object({
  userId,
  disabled: z.enum(['true', 'false'], { error: 'FormErrors.invalid' }).transform((v) => v === 'true'),
});

export const userSearchSchema = z.object({
  q: z.string().trim().transform((s) => s.slice(0, 100)).catch(''),
});

export const auditFilterSchema = z.object({
  action: z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/).optional().catch(undefined),
});

/** `npm run user:create -- --email … --role …`: roles are accepted in any case. */
export const userCreateSchema = z.object({
  email: emailSchema,
  role: z.string().transform((r) => r.toUpperCase()).pipe(roleSchema),
  name: z.string().trim().min(1).max(NAME_MAX_LENGTH).optional(),
  password: newPasswordSchema.optional(),
});
