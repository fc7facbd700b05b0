import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

/** Older/newer links that keep the page's other query parameters. */
export async function Pagination({ path, page, pages, query = {} }: { path: string; page: number; pages: number; query?: Record<string, string> }) {
  if (pages <= 1) return null;
  const t = await getTranslations('Pagination');
  const href = (p: number) => ({ pathname: path, query: p === 1 ? query : { ...query, page: String(p) } });
  const linkClass = 'rounded border border-stone-300 bg-white px-3 py-1.5 hover:border-brand-600';
  return (
    <nav aria-label={t('label')} className="mt-8 flex items-center justify-between gap-4 text-sm">
      {page > 1 ? <Link href={href(page - 1)} rel="prev" className={linkClass}>← {t('previous')}</Link> : <span />}
      <span className="text-stone-600">{t('status', { page, pages })}</span>
      {page < pages ? <Link href={href(page + 1)} rel="next" className={linkClass}>{t('next')} →</Link> : <span />}
    </nav>
  );
}
