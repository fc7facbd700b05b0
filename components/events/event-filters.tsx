import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import type { EventAttendance, EventQuery, EventTypeName } from '@/lib/dal/events';
import { Select } from '@/components/ui/input';
import { TYPE_KEY } from '@/lib/events/labels';

/** Upcoming/past tabs and a plain GET form: filtering works without JavaScript. */
export async function EventFilters({ query }: { query: EventQuery }) {
  const t = await getTranslations('Events');
  const types = await getTranslations('EventType');
  const keep = (when: EventQuery['when']) => ({
    pathname: '/events',
    query: {
      ...(when === 'past' ? { when } : {}),
      ...(query.type ? { type: query.type.toLowerCase() } : {}),
      ...(query.attendance ? { attendance: query.attendance } : {}),
    },
  });
  const tab = (when: EventQuery['when'], label: string) => (
    <Link
      href={keep(when)}
      aria-current={query.when === when ? 'page' : undefined}
      className={`rounded-t-md border-b-2 px-3 py-2 font-medium ${query.when === when ? 'border-brand-700 text-brand-800' : 'border-transparent text-stone-600 hover:text-brand-700'}`}
    >
      {label}
    </Link>
  );
  return (
    <div className="mb-6 space-y-4">
      <nav aria-label={t('whenLabel')} className="flex gap-2 border-b border-stone-200">
        {tab('upcoming', t('upcoming'))}
        {tab('past', t('past'))}
      </nav>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
        {query.when === 'past' && <input type="hidden" name="when" value="past" />}
        <div>
          <label htmlFor="event-type" className="mb-1 block font-medium">{t('filterType')}</label>
          <Select id="event-type" name="type" defaultValue={query.type?.toLowerCase() ?? ''} className="w-44">
            <option value="">{t('allTypes')}</option>
            {(Object.keys(TYPE_KEY) as EventTypeName[]).map((type) => (
              <option key={type} value={type.toLowerCase()}>{types(TYPE_KEY[type])}</option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="event-attendance" className="mb-1 block font-medium">{t('filterAttendance')}</label>
          <Select id="event-attendance" name="attendance" defaultValue={query.attendance ?? ''} className="w-44">
            <option value="">{t('anyAttendance')}</option>
            {(['online', 'in-person'] satisfies EventAttendance[]).map((a) => (
              <option key={a} value={a}>{t(a === 'online' ? 'attendOnline' : 'attendInPerson')}</option>
            ))}
          </Select>
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{t('applyFilters')}</button>
        {(query.type || query.attendance) && (
          <Link href={{ pathname: '/events', query: query.when === 'past' ? { when: 'past' } : {} }} className="py-2 text-brand-700 underline">
            {t('clearFilters')}
          </Link>
        )}
      </form>
    </div>
  );
}
