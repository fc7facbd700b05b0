import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import type { DirectoryEntryDto } from '@/lib/dal/directory';
import { isHttpsUrl } from '@/lib/validations/events';

/** The community directory with a tag filter made of plain links (no JavaScript needed). */
export async function DirectoryList({ entries, tags, active }: { entries: DirectoryEntryDto[]; tags: string[]; active?: string }) {
  const t = await getTranslations('Channels');
  const chip = 'rounded-full border px-3 py-1 text-sm';
  return (
    <section aria-labelledby="directory-heading" className="mt-12">
      <h2 id="directory-heading" className="mb-3 text-2xl font-bold">{t('directoryHeading')}</h2>
      {tags.length > 0 && (
        <nav aria-label={t('tagFilter')} className="mb-4 flex flex-wrap gap-2">
          <Link href="/channels" aria-current={active ? undefined : 'page'} className={`${chip} ${active ? 'border-stone-300' : 'border-brand-700 bg-brand-50 font-semibold'}`}>
            {t('allTags')}
          </Link>
          {tags.map((tag) => (
            <Link
              key={tag}
              href={{ pathname: '/channels', query: { tag } }}
              aria-current={tag === active ? 'page' : undefined}
              className={`${chip} ${tag === active ? 'border-brand-700 bg-brand-50 font-semibold' : 'border-stone-300'}`}
            >
              {tag}
            </Link>
          ))}
        </nav>
      )}
      {active && <p role="status" className="mb-3 text-sm text-stone-600">{t('filteredBy', { tag: active, count: entries.length })}</p>}
      {entries.length === 0 ? (
        <p>{t('directoryEmpty')}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {entries.map((entry) => (
            <li key={entry.slug} className="rounded-lg border border-stone-200 bg-white p-4">
              <h3 className="font-semibold">
                {isHttpsUrl(entry.url) ? <a href={entry.url} rel="noopener noreferrer" className="text-brand-700 underline">{entry.name}</a> : entry.name}
              </h3>
              {entry.info && <p className="text-sm">{entry.info}</p>}
              {entry.tags.length > 0 && <p className="mt-1 text-xs text-stone-600">{entry.tags.join(' · ')}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
