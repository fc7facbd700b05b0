import { getTranslations } from 'next-intl/server';
import { locales } from '@/lib/i18n/routing';
import { STATUS_FILTERS } from '@/lib/dal/post-status';
import { listTimeZones } from '@/lib/events/zoned-time';
import type { AdminPostFilter } from '@/lib/dal/posts-admin';
import { Input, Select } from '@/components/ui/input';
import { Button } from '@/components/ui/button';

/** A plain GET form: filtering, paging and the time zone all live in the address. */
export async function PostFilters({ filter, timeZone }: { filter: AdminPostFilter; timeZone: string }) {
  const t = await getTranslations('PostAdmin');
  const lang = await getTranslations('Languages');
  return (
    <form method="get" role="search" aria-label={t('filters.label')} className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3 text-sm">
      <div className="min-w-48 flex-1 space-y-1">
        <label htmlFor="posts-q" className="block font-medium">{t('filters.q')}</label>
        <Input id="posts-q" name="q" type="search" maxLength={200} defaultValue={filter.q ?? ''} />
      </div>
      <div className="space-y-1">
        <label htmlFor="posts-status" className="block font-medium">{t('filters.status')}</label>
        <Select id="posts-status" name="status" defaultValue={filter.status ?? ''}>
          <option value="">{t('filters.anyStatus')}</option>
          {STATUS_FILTERS.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </Select>
      </div>
      <div className="space-y-1">
        <label htmlFor="posts-lang" className="block font-medium">{t('filters.lang')}</label>
        <Select id="posts-lang" name="lang" defaultValue={filter.lang ?? ''}>
          <option value="">{t('filters.anyLang')}</option>
          {locales.map((l) => <option key={l} value={l}>{lang(l)}</option>)}
        </Select>
      </div>
      <div className="space-y-1">
        <label htmlFor="posts-tz" className="block font-medium">{t('filters.zone')}</label>
        <Select id="posts-tz" name="tz" defaultValue={timeZone}>
          {listTimeZones().map((z) => <option key={z} value={z}>{z}</option>)}
        </Select>
      </div>
      <Button type="submit">{t('filters.apply')}</Button>
    </form>
  );
}
