import type { ReactNode } from 'react';
import { Input } from '@/components/ui/input';
import { Button } from '@/components/ui/button';

type SearchFormProps = {
  id: string;
  label: string;
  submit: string;
  defaultValue?: string;
  maxLength: number;
  placeholder?: string;
  /** The page the query goes to; the current one when omitted. */
  action?: string;
  /** An element describing the box (a hint next to the form). */
  describedBy?: string;
  className?: string;
  /** Hidden fields kept along with the query (e.g. an active filter). */
  children?: ReactNode;
};

/** A GET search box with its screen-reader label and submit button; works without JavaScript. */
export function SearchForm({ id, label, submit, defaultValue, maxLength, placeholder, action = '', describedBy, className = '', children }: SearchFormProps) {
  return (
    <form role="search" action={action} method="get" className={`flex gap-2 ${className}`}>
      <label htmlFor={id} className="sr-only">{label}</label>
      <Input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder={placeholder}
        maxLength={maxLength}
        aria-describedby={describedBy}
        className="min-w-0 flex-1"
      />
      {children}
      <Button type="submit">{submit}</Button>
    </form>
  );
}
