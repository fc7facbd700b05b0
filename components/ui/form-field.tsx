import type { InputHTMLAttributes, ReactNode } from 'react';
import { Input } from '@/components/ui/input';

export type FormFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Already translated messages; announced with the field through aria-describedby. */
  errors?: string[];
};

/** A labelled input with its hint and error messages tied to it for screen readers. */
export function FormField({ id, label, hint, errors = [], ...input }: FormFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <Input
        id={id}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
        {...input}
      />
      {hint && (
        <p id={hintId} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
      {errorId && (
        <ul id={errorId} className="text-sm text-red-800">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The form-level message region: polite for confirmations, assertive for errors. */
export function FormMessage({ tone, children }: { tone: 'error' | 'success'; children?: ReactNode }) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      aria-live={tone === 'error' ? 'assertive' : 'polite'}
      className={children ? `rounded-md border p-3 text-sm ${tone === 'error' ? 'border-red-300 bg-red-50 text-red-900' : 'border-green-300 bg-green-50 text-green-900'}` : undefined}
    >
      {children}
    </div>
  );
}
