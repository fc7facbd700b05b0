'use client';

import { useCallback, useEffect, useEffectEvent, type KeyboardEvent, type RefObject } from 'react';

type Options = { container: RefObject<HTMLElement | null>; onSave: () => void; onSubmit: () => void; enabled: boolean };

/**
 * Ctrl/Cmd+S saves and Ctrl/Cmd+Enter submits from anywhere on the page (the browser's own
 * "save page" would be useless here); the returned handler moves between fields with Alt+↓/↑.
 */
export function useEditorShortcuts({ container, onSave, onSubmit, enabled }: Options) {
  const save = useEffectEvent(onSave);
  const submit = useEffectEvent(onSubmit);

  useEffect(() => {
    if (!enabled) return;
    const handler = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (event.key === 's' || event.key === 'S') {
        event.preventDefault();
        save();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        submit();
      }
    };
    window.addEventListener('keydown', handler);
    return () => window.removeEventListener('keydown', handler);
  }, [enabled]);

  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (!event.altKey || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
      const fields = [...(container.current?.querySelectorAll<HTMLElement>('[data-nav-field]') ?? [])];
      const next = fields[fields.indexOf(event.currentTarget) + (event.key === 'ArrowDown' ? 1 : -1)];
      if (!next) return;
      event.preventDefault();
      next.focus();
      next.scrollIntoView({ block: 'nearest' });
    },
    [container],
  );
}
