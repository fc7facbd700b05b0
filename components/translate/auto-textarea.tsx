'use client';

import { useLayoutEffect, useRef, type TextareaHTMLAttributes } from 'react';

/** A textarea as tall as its text, so a block reads as a whole beside its source. */
export function AutoTextarea({ value, className = '', ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { value: string }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  }, [value]);
  return <textarea ref={ref} value={value} rows={2} className={`block w-full resize-none overflow-hidden ${className}`} {...props} />;
}
