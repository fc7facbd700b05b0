import { z } from 'zod';

/**
 * PostgreSQL text cannot hold U+0000: a value with one would fail in the database, as a 500.
 * Forms refuse it with this message instead, on the field it was typed into.
 */
export const NUL_CHARACTER = 'FormErrors.nulCharacter';

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => holdsNul(k) || holdsNul(v));
  return false;
}

/** The fields of a form (or of an action's JSON input) with a NUL anywhere in them; '' for the whole input. */
export function fieldsWithNul(input: unknown): string[] {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return holdsNul(input) ? [''] : [];
  return Object.entries(input).flatMap(([key, value]) => (holdsNul(key) || holdsNul(value) ? [key] : []));
}

/** `schema`, after refusing any input with a NUL in it; nothing of `schema` runs on such input. */
export function withoutNul<S extends z.ZodType>(schema: S) {
  return z
    .unknown()
    .superRefine((input, ctx) => {
      for (const field of fieldsWithNul(input)) ctx.addIssue({ code: 'custom', path: field ? [field] : [], message: NUL_CHARACTER });
    })
    .pipe(schema);
}

/** Whether a failed parse failed on a NUL (JSON actions answer with one message, not per field). */
export function failedOnNul(error: z.ZodError): boolean {
  return error.issues.some((issue) => issue.message === NUL_CHARACTER);
}

/**
 * A title is one line of text. A control character in one (a line break above all) is refused:
 * titles end up in one-line fields elsewhere too, such as the name of an event's .ics file, where
 * a line break would start a property of its own.
 */
export const CONTROL_CHARACTER = 'FormErrors.controlCharacter';

const CONTROL = /[\p{Cc}\u2028\u2029]/u;

export function hasControlCharacter(value: string): boolean {
  return CONTROL.test(value);
}

/** `schema` (a string) refusing control characters with CONTROL_CHARACTER. */
export function oneLine<S extends z.ZodType<string>>(schema: S) {
  return schema.refine((value) => !hasControlCharacter(value), CONTROL_CHARACTER);
}
