'use client';

import { useEffect, useState } from 'react';
import { Link } from '@/lib/i18n/navigation';
import { fetchSession, signOutAndGo, type SessionInfo } from '@/components/auth/auth-client';

export type AccountMenuLabels = { label: string; signIn: string; translate: string; review: string; account: string; admin: string; signOut: string };

/**
 * The header's account links. Pages around it are cached for everyone, so the server renders
 * the signed-out state (a plain link that works without JavaScript) and the browser asks for
 * the session after loading.
 */
export function AccountMenu({ locale, labels }: { locale: string; labels: AccountMenuLabels }) {
  const [user, setUser] = useState<SessionInfo['user'] | null>(null);
  useEffect(() => {
    let live = true;
    void fetchSession().then((session) => {
      if (live) setUser(session?.user ?? null);
    });
    return () => {
      live = false;
    };
  }, []);

  const item = 'hover:text-brand-700';
  return (
    <nav aria-label={labels.label} className="flex items-center gap-4 whitespace-nowrap text-sm font-medium">
      {user ? (
        <>
          <Link href="/translate" className={item}>{labels.translate}</Link>
          {(user.role === 'REVIEWER' || user.role === 'ADMIN') && <Link href="/review" className={item}>{labels.review}</Link>}
          <Link href="/account" className={item}>{labels.account}</Link>
          {user.role === 'ADMIN' && <Link href="/admin" className={item}>{labels.admin}</Link>}
          <button type="button" className={item} onClick={() => signOutAndGo(`/${locale}`)}>
            {labels.signOut}
          </button>
        </>
      ) : (
        <Link href="/sign-in" className={item}>{labels.signIn}</Link>
      )}
    </nav>
  );
}
