import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import {
  changePasswordSchema,
  forgotPasswordSchema,
  registerSchema,
  resetPasswordSchema,
  resetTokenSchema,
  signInSchema,
} from '@/lib/validations/auth';
import { changeRoleSchema, setDisabledSchema, userCreateSchema } from '@/lib/validations/users';

const errorsOf = (result: z.ZodSafeParseResult<unknown>) => (result.success ? {} : z.flattenError(result.error).fieldErrors);
const valid = { email: 'ada@example.org', name: 'Ada', password: 'correct horse', confirmPassword: 'correct horse' };

describe('registration', () => {
  it('accepts a valid form and normalizes the email', () => {
    const parsed = registerSchema.parse({ ...valid, email: '  Ada@Example.ORG ', name: '  Ada  ' });
    expect(parsed.email).toBe('ada@example.org');
    expect(parsed.name).toBe('Ada');
  });

  it('names each problem with a message key', () => {
    expect(errorsOf(registerSchema.safeParse({ email: '', name: '', password: 'short', confirmPassword: 'other' }))).toEqual({
      email: ['FormErrors.emailRequired'],
      name: ['FormErrors.nameRequired'],
      password: ['FormErrors.passwordTooShort'],
      confirmPassword: ['FormErrors.passwordMismatch'],
    });
    expect(errorsOf(registerSchema.safeParse({ ...valid, email: 'not-an-email' }))).toEqual({ email: ['FormErrors.emailInvalid'] });
  });

  it('bounds the name at 1–80 characters and the password at 10–200', () => {
    expect(registerSchema.safeParse({ ...valid, name: 'x'.repeat(80) }).success).toBe(true);
    expect(errorsOf(registerSchema.safeParse({ ...valid, name: 'x'.repeat(81) }))).toEqual({ name: ['FormErrors.nameTooLong'] });
    expect(errorsOf(registerSchema.safeParse({ ...valid, name: '   ' }))).toEqual({ name: ['FormErrors.nameRequired'] });
    const p = (password: string) => registerSchema.safeParse({ ...valid, password, confirmPassword: password });
    expect(p('x'.repeat(10)).success).toBe(true);
    expect(p('x'.repeat(200)).success).toBe(true);
    expect(errorsOf(p('x'.repeat(9)))).toEqual({ password: ['FormErrors.passwordTooShort'] });
    expect(errorsOf(p('x'.repeat(201)))).toEqual({ password: ['FormErrors.passwordTooLong'] });
  });
});

describe('sign-in, reset and password change', () => {
  it('signs in with any non-empty password up to 200 characters', () => {
    expect(signInSchema.safeParse({ email: 'a@b.co', password: 'x' }).success).toBe(true);
    expect(errorsOf(signInSchema.safeParse({ email: 'a@b.co', password: '' }))).toEqual({ password: ['FormErrors.passwordRequired'] });
    expect(errorsOf(signInSchema.safeParse({ email: 'a@b.co', password: 'x'.repeat(201) }))).toEqual({ password: ['FormErrors.passwordTooLong'] });
  });

  it('asks only for an email to send a reset link', () => {
    expect(forgotPasswordSchema.parse({ email: 'A@B.co' })).toEqual({ email: 'a@b.co' });
  });

  it('takes reset tokens of exactly 32 base64url bytes', () => {
    const token = Buffer.alloc(32, 7).toString('base64url');
    expect(resetTokenSchema.safeParse(token).success).toBe(true);
    for (const bad of ['', 'abc', `${token}x`, token.replace(/.$/, '+'), token.replace(/.$/, '/')]) {
      expect(resetTokenSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(errorsOf(resetPasswordSchema.safeParse({ token, password: 'long enough!', confirmPassword: 'different!!' }))).toEqual({
      confirmPassword: ['FormErrors.passwordMismatch'],
    });
  });

  it('lets an account without a password set one without a current password', () => {
    expect(changePasswordSchema.safeParse({ currentPassword: '', password: 'a new password', confirmPassword: 'a new password' }).success).toBe(true);
  });
});

describe('administration', () => {
  it('accepts only known roles and boolean flags', () => {
    expect(changeRoleSchema.safeParse({ userId: 'u1', role: 'REVIEWER' }).success).toBe(true);
    expect(errorsOf(changeRoleSchema.safeParse({ userId: 'u1', role: 'OWNER' }))).toEqual({ role: ['FormErrors.roleInvalid'] });
    expect(setDisabledSchema.parse({ userId: 'u1', disabled: 'true' })).toEqual({ userId: 'u1', disabled: true });
    expect(setDisabledSchema.safeParse({ userId: 'u1', disabled: 'yes' }).success).toBe(false);
  });

  it('reads the command line’s role in any case', () => {
    expect(userCreateSchema.parse({ email: 'Root@Example.org', role: 'admin' })).toEqual({ email: 'root@example.org', role: 'ADMIN' });
    expect(userCreateSchema.safeParse({ email: 'root@example.org', role: 'root' }).success).toBe(false);
  });
});

describe('every message key the schemas use is translated', () => {
  it('exists in English and Chinese', () => {
    const source = ['lib/validations/auth.ts', 'lib/validations/users.ts'].map((f) => readFileSync(f, 'utf8')).join('\n');
    const keys = [...new Set([...source.matchAll(/'FormErrors\.(\w+)'/g)].map((m) => m[1]!))];
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) {
      expect((en.FormErrors as Record<string, string>)[key], `en FormErrors.${key}`).toBeTruthy();
      expect((zh.FormErrors as Record<string, string>)[key], `zh FormErrors.${key}`).toBeTruthy();
    }
  });
});
