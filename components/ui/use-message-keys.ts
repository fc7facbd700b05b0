'use client';

import { useTranslations } from 'next-intl';

/**
 * Translates message keys that actions return ('FormErrors.emailTaken'); the namespaces must be
 * sent to the client (components/ui/client-messages.tsx).
 */
export function useMessageKeys() {
  const t = useTranslations();
  return {
    one: (key: string | undefined) => (key ? t(key) : null),
    all: (keys: string[] | undefined) => (keys ?? []).map((key) => t(key)),
  };
}
