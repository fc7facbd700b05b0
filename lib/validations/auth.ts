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
const MAILED_TOKEN = /^[A-Za-z0-9_-]{43}$/;
export const resetTokenSchema = z.string().regex(MAILED_TOKEN, { error: 'FormErrors.resetTokenInvalid' });
export const verifyTokenSchema = z.string().regex(MAILED_TOKEN, { error: 'FormErrors.verifyTokenInvalid' });

export const verifyEmailSchema = z.object({ token: verifyTokenSchema });
// The form only names the language the mail should be in (read apart, like the reset form's).
export const resendVerificationSchema = z.object({});

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

/** A path a browser reads as one on this site: `/x`, never `//host` or `/\host` (browsers read `\` as `/`). */
const SITE_PATH = /^\/(?![/\\])/;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** `raw` resolved on `base` when it stays a path of `base`'s origin once normalized, else null. */
function normalizedOnSite(raw: string, base: string): URL | null {
  if (CONTROL.test(raw) || raw.includes('\\')) return null;
  const url = new URL(raw, base);
  return url.origin === new URL(base).origin && SITE_PATH.test(url.pathname) ? url : null;
}

/**
 * Where to go after signing in: `raw` when it is a path on this site, else `fallback`. Absolute
 * URLs count only when they name `origin` (next-auth hands those over). Anything that a browser
 * could read as another host (`//evil`, `/\evil`, control characters) is refused, before and after
 * normalizing (`/.//evil`, `/..//evil` and `/%2e//evil` all normalize to `//evil`), and after one
 * more decoding, as a router further on may read `/%2F%2Fevil` as `//evil`.
 */
export function safeCallbackPath(raw: unknown, fallback: string, origin?: string): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return fallback;
  if (!SITE_PATH.test(raw) && !(origin && /^https?:\/\//i.test(raw))) return fallback;
  const base = origin ?? 'http://localhost';
  try {
    const url = normalizedOnSite(raw, base);
    if (!url || !normalizedOnSite(decodeURIComponent(url.pathname), base)) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
