import { z } from 'zod';

// Shared by the forms, the server actions and the credentials provider. Error messages are
// message keys (messages/*.json), translated where they are shown.

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
export const NAME_MAX_LENGTH = 80;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { error: 'FormErrors.emailRequired' })
  .max(254, { error: 'FormErrors.emailInvalid' })
  .pipe(z.email({ error: 'FormErrors.emailInvalid' }));

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: 'FormErrors.passwordTooShort' })
  .max(PASSWORD_MAX_LENGTH, { error: 'FormErrors.passwordTooLong' });

const confirmation = z.string();
const passwordsMatch = { error: 'FormErrors.passwordMismatch', path: ['confirmPassword'] };

export const signInSchema = z.object({
  email: emailSchema,
  // Capped so that nobody makes the server hash megabytes.
  password: z.string().min(1, { error: 'FormErrors.passwordRequired' }).max(PASSWORD_MAX_LENGTH, { error: 'FormErrors.passwordTooLong' }),
});

export const registerSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1, { error: 'FormErrors.nameRequired' }).max(NAME_MAX_LENGTH, { error: 'FormErrors.nameTooLong' }),
    password: newPasswordSchema,
    confirmPassword: confirmation,
  })
  .refine((d) => d.password === d.confirmPassword, passwordsMatch);

export const forgotPasswordSchema = z.object({ email: emailSchema });

// 32 random bytes in base64url.
export const resetTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'FormErrors.resetTokenInvalid' });

export const resetPasswordSchema = z
  .object({ token: resetTokenSchema, password: newPasswordSchema, confirmPassword: confirmation })
  .refine((d) => d.password === d.confirmPassword, passwordsMatch);

export const changePasswordSchema = z
  .object({
    // Empty for accounts made through OAuth, which have no password yet.
    currentPassword: z.string().max(PASSWORD_MAX_LENGTH, { error: 'FormErrors.passwordTooLong' }),
    password: newPasswordSchema,
    confirmPassword: confirmation,
  })
  .refine((d) => d.password === d.confirmPassword, passwordsMatch);

/**
 * Where to go after signing in: `raw` when it is a path on this site, else `fallback`. Absolute
 * URLs count only when they name `origin` (next-auth hands those over). Anything that a browser
 * could read as another host (`//evil`, `/\evil`, control characters) is refused.
 */
export function safeCallbackPath(raw: unknown, fallback: string, origin?: string): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  const relative = raw.startsWith('/') && !raw.startsWith('//');
  if (!relative && !(origin && /^https?:\/\//i.test(raw))) return fallback;
  const base = origin ?? 'http://localhost';
  try {
    const url = new URL(raw, base);
    if (url.origin !== new URL(base).origin) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
