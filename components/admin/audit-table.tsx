import { getTranslations } from 'next-intl/server';
import type { AuditEntryDto } from '@/lib/dal/audit';

const ROLE_KEYS: Record<string, 'volunteer' | 'reviewer' | 'admin'> = { VOLUNTEER: 'volunteer', REVIEWER: 'reviewer', ADMIN: 'admin' };
const STATUS_KEYS: Record<string, 'active' | 'disabled'> = { ACTIVE: 'active', DISABLED: 'disabled' };

export async function AuditTable({ entries }: { entries: (AuditEntryDto & { when: string })[] }) {
  const t = await getTranslations('AuditLog');
  const roles = await getTranslations('Roles');
  const users = await getTranslations('AdminUsers');
  // Known values read as words (a role, a status); anything else is shown as stored.
  const show = (value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('none');
    if (typeof value !== 'string') return JSON.stringify(value);
    if (ROLE_KEYS[value]) return roles(ROLE_KEYS[value]);
    if (STATUS_KEYS[value]) return users(STATUS_KEYS[value]);
    return value;
  };
  const th = 'px-3 py-2 text-left font-semibold';
  return (
    // Focusable, so that keyboard users can scroll a table wider than the screen.
    <div role="region" aria-label={t('title')} tabIndex={0} className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-sm">
        <thead className="border-b border-stone-200 bg-stone-50">
          <tr>
            <th scope="col" className={th}>{t('time')}</th>
            <th scope="col" className={th}>{t('actor')}</th>
            <th scope="col" className={th}>{t('action')}</th>
            <th scope="col" className={th}>{t('target')}</th>
            <th scope="col" className={th}>{t('change')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-b border-stone-100 last:border-0">
              <td className="px-3 py-2 whitespace-nowrap"><time dateTime={e.createdAt}>{e.when}</time></td>
              <td className="px-3 py-2">{e.actor ? e.actor.email : t('system')}</td>
              <td className="px-3 py-2"><code>{e.action}</code></td>
              <td className="px-3 py-2">{e.targetLabel ?? (e.targetType === 'User' ? t('deletedUser') : `${e.targetType} ${e.targetId}`)}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                {'from' in e.data || 'to' in e.data
                  ? t('fromTo', { from: show(e.data.from), to: show(e.data.to) })
                  : JSON.stringify(e.data)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
