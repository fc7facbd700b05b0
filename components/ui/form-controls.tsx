'use client';

import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { Select, Textarea } from '@/components/ui/input';

// Select and textarea counterparts of components/ui/form-field.tsx: label, hint and errors tied
// to the control through aria-describedby.

type Described = { id: string; label: ReactNode; hint?: ReactNode; errors?: string[] };

function describedBy(id: string, hint: ReactNode, errors: string[]) {
  return [errors.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
}

function Extras({ id, hint, errors }: { id: string; hint?: ReactNode; errors: string[] }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <ul id={`${id}-error`} className="text-sm text-red-800">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </>
  );
}

export function SelectField({ id, label, hint, errors = [], children, ...props }: Described & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">{label}</label>
      <Select id={id} aria-invalid={errors.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} {...props}>
        {children}
      </Select>
      <Extras id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function TextAreaField({ id, label, hint, errors = [], ...props }: Described & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">{label}</label>
      <Textarea id={id} aria-invalid={errors.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} {...props} />
      <Extras id={id} hint={hint} errors={errors} />
    </div>
  );
}
