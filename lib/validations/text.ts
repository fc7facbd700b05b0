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
