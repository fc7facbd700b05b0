import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import type { AuthorDto } from '@/lib/dal/posts';

export async function AuthorNames({ authors }: { authors: AuthorDto[] }) {
  const t = await getTranslations('Post');
  return (
    <ul className="inline-flex flex-wrap gap-x-3 gap-y-1">
      {authors.map((a) => (
        <li key={a.handle} className="inline-flex items-center gap-1">
          <Link href={`/authors/${encodeURIComponent(a.handle)}`} className="font-medium text-stone-800 underline-offset-2 hover:underline">
            {a.displayName}
          </Link>
          {a.isGuest && <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900">{t('guest')}</span>}
          {a.isOrg && <span className="rounded bg-sky-100 px-1.5 text-xs text-sky-900">{t('org')}</span>}
        </li>
      ))}
    </ul>
  );
}
