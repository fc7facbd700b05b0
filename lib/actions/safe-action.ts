import 'server-only';
import type { z } from 'zod';
import { AuthError, requireRole, requireUser, type CurrentUser, type Role } from '@/lib/dal/session';
import { withoutNul } from '@/lib/validations/text';
import { MarkdownLimitError, markdownRefusalKey } from '@/lib/markdown/pool';

/** A message key from messages/*.json, e.g. 'FormErrors.forbidden'. */
export type MessageKey = string;

/**
 * What every form action returns: small and serializable. `values` echoes what was typed (never
 * passwords or tokens) so a form that failed validation keeps the visitor's input.
 */
export type ActionState<T extends Record<string, unknown> = Record<never, never>> =
  | ({ ok: true } & T)
  | { ok: false; formError?: MessageKey; fieldErrors?: Record<string, MessageKey[]>; values?: Record<string, string> };

export type FormAction<T extends Record<string, unknown> = Record<never, never>> = (
  prev: ActionState<T> | null,
  formData: FormData,
) => Promise<ActionState<T>>;

const SECRET_FIELD = /password|token|secret/i;
const MESSAGE_KEY = /^[A-Z][A-Za-z0-9]*\.[A-Za-z0-9.]+$/;

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    // Next adds $ACTION_* fields to forms posted without JavaScript.
    if (typeof value === 'string' && !key.startsWith('$')) values[key] = value;
  }
  return values;
}

function echo(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELD.test(k)));
}

/** A failed result for `formError`, keeping the submitted (non-secret) values. */
export function failure(formError: MessageKey, formData?: FormData): ActionState<never> {
  return { ok: false, formError, ...(formData ? { values: echo(formValues(formData)) } : {}) };
}

export function fieldFailure(fieldErrors: Record<string, MessageKey[]>, formData: FormData): ActionState<never> {
  return { ok: false, fieldErrors, values: echo(formValues(formData)) };
}

function authFailure(error: AuthError): ActionState<never> {
  return { ok: false, formError: error.code === 'UNAUTHENTICATED' ? 'FormErrors.unauthenticated' : 'FormErrors.forbidden' };
}

async function run<S extends z.ZodType, T extends Record<string, unknown>>(
  schema: S,
  formData: FormData,
  authorize: () => Promise<CurrentUser | null>,
  fn: (input: z.output<S>, user: CurrentUser | null, formData: FormData) => Promise<ActionState<T>>,
): Promise<ActionState<T>> {
  let user: CurrentUser | null;
  try {
    user = await authorize();
  } catch (error) {
    if (error instanceof AuthError) return authFailure(error);
    throw error;
  }
  const values = formValues(formData);
  // Every field the form sent, read by the schema or not (ids, versions), is checked for a NUL.
  const parsed = withoutNul(schema).safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, MessageKey[]> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      // zod's own English messages (a missing field, a wrong type) become one generic key.
      const key = MESSAGE_KEY.test(issue.message) ? issue.message : 'FormErrors.invalid';
      fieldErrors[field] = [...new Set([...(fieldErrors[field] ?? []), key])];
    }
    return { ok: false, fieldErrors, values: echo(values) };
  }
  try {
    return await fn(parsed.data, user, formData);
  } catch (error) {
    // Everything else, including Next's redirect() and notFound(), goes on up.
    if (error instanceof AuthError) return authFailure(error);
    if (error instanceof MarkdownLimitError) return { ok: false, formError: markdownRefusalKey(error), values: echo(values) };
    throw error;
  }
}

/** An action anyone may call (registration, password reset). */
export function withSchema<S extends z.ZodType, T extends Record<string, unknown> = Record<never, never>>(
  schema: S,
  fn: (input: z.output<S>, formData: FormData) => Promise<ActionState<T>>,
): FormAction<T> {
  return (_prev, formData) => run(schema, formData, async () => null, (input, _user, fd) => fn(input, fd));
}

/** An action for signed-in users; visitors get 'FormErrors.unauthenticated' and nothing runs. */
export function withUser<S extends z.ZodType, T extends Record<string, unknown> = Record<never, never>>(
  schema: S,
  fn: (input: z.output<S>, user: CurrentUser, formData: FormData) => Promise<ActionState<T>>,
): FormAction<T> {
  return (_prev, formData) => run(schema, formData, requireUser, (input, user, fd) => fn(input, user!, fd));
}

/** An action for `role` and above; others get 'FormErrors.forbidden' (or unauthenticated). */
export function withRole<S extends z.ZodType, T extends Record<string, unknown> = Record<never, never>>(
  role: Role,
  schema: S,
  fn: (input: z.output<S>, user: CurrentUser, formData: FormData) => Promise<ActionState<T>>,
): FormAction<T> {
  return (_prev, formData) => run(schema, formData, () => requireRole(role), (input, user, fd) => fn(input, user!, fd));
}
