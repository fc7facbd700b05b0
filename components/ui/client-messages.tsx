import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';

/**
 * Sends only the named namespaces to the client components below it (the layout sends almost
 * none), for forms that translate message keys returned by their actions.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={Object.fromEntries(namespaces.map((ns) => [ns, messages[ns] ?? {}]))}>
      {children}
    </NextIntlClientProvider>
  );
}
