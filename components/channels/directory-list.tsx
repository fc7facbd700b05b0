import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import type { DirectoryEntryDto } from '@/lib/dal/directory';
import { isHttpsUrl } from '@/lib/validations/events';
import { SearchForm } from '@/components/ui/search-form';

type Props = { entries: DirectoryEntryDto[]; tags: string[]; active?: string; query?: string };

/**
 * The community directory with a text search (a GET form) and a tag filter made of plain links:
 * both work without JavaScript and keep each other.
 */
export async function DirectoryList({ entries, tags, active, query }: Props) {
  const t = await getTranslations('Channels');
  const chip = 'rounded-full border px-3 py-1 text-sm';
  const withQuery = (extra: Record<string, string>) => ({ pathname: '/channels', query: { ...(query ? { q: query } : {}), ...extra } });
  const status =
    active && query
      ? t('filteredByBoth', { tag: active, query, count: entries.length })
      : active
        ? t('filteredBy', { tag: active, count: entries.length })
        : query
          ? t('searchResults', { query, count: entries.length })
          : null;
  return (
    <section aria-labelledby="directory-heading" className="mt-12">
      <h2 id="directory-heading" className="mb-3 text-2xl font-bold">{t('directoryHeading')}</h2>
      <SearchForm
        id="directory-q"
        label={t('searchLabel')}
        submit={t('searchSubmit')}
        defaultValue={query}
        placeholder={t('searchPlaceholder')}
        maxLength={100}
        action="#directory-heading"
        className="mb-4 max-w-xl"
      >
        {active && <input type="hidden" name="tag" value={active} />}
      </SearchForm>
      {tags.length > 0 && (
        <nav aria-label={t('tagFilter')} className="mb-4 flex flex-wrap gap-2">
          <Link href={withQuery({})} aria-current={active ? undefined : 'page'} className={`${chip} ${active ? 'border-stone-300' : 'border-brand-700 bg-brand-50 font-semibold'}`}>
            {t('allTags')}
          </Link>
          {tags.map((tag) => (
            <Link
              key={tag}
              href={withQuery({ tag })}
              aria-current={tag === active ? 'page' : undefined}
              className={`${chip} ${tag === active ? 'border-brand-700 bg-brand-50 font-semibold' : 'border-stone-300'}`}
            >
              {tag}
            </Link>
          ))}
        </nav>
      )}
      {status && (
        <p role="status" className="mb-3 text-sm text-stone-600">
          {status}
          {query && (
            <>
              {' '}
              <Link href={{ pathname: '/channels', query: active ? { tag: active } : {} }} className="text-brand-700 underline">{t('clearSearch')}</Link>
            </>
          )}
        </p>
      )}
      {entries.length === 0 ? (
        // A filter's status line already says that nothing matched.
        !status && <p>{t('directoryEmpty')}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {entries.map((entry) => (
            <li key={entry.slug} data-entry={entry.slug} className="rounded-lg border border-stone-200 bg-white p-4">
              <h3 className="font-semibold">
                {isHttpsUrl(entry.url) ? <a href={entry.url} rel="noopener noreferrer" className="text-brand-700 underline">{entry.name}</a> : entry.name}
              </h3>
              {entry.info && <p className="text-sm">{entry.info}</p>}
              {/* Rendered and sanitized when it was saved (lib/markdown/render.ts), like a post's body. */}
              {entry.html && <div className="prose prose-sm prose-stone mt-2 max-w-none" dangerouslySetInnerHTML={{ __html: entry.html }} />}
              {entry.tags.length > 0 && <p className="mt-1 text-xs text-stone-600">{entry.tags.join(' · ')}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
