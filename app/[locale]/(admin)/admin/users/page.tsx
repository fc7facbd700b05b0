import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { parsePage } from '@/lib/dal/posts';
import { listUsers } from '@/lib/dal/users';
import { userSearchSchema } from '@/lib/validations/users';
import { requireAdminPage } from '@/components/admin/require-admin';
import { UserRoleForm } from '@/components/admin/user-role-form';
import { UserStatusForm } from '@/components/admin/user-status-form';
import { ClientMessages } from '@/components/ui/client-messages';
import { Pagination } from '@/components/ui/pagination';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/admin/users'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'AdminUsers' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

export default async function AdminUsersPage({ params, searchParams }: PageProps<'/[locale]/admin/users'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const me = await requireAdminPage();
  const query = await searchParams;
  const page = parsePage(query.page);
  if (page === null) notFound();
  const { q } = userSearchSchema.parse({ q: query.q });
  const users = await listUsers({ q, page });
  if (page > users.pages) notFound();
  const t = await getTranslations('AdminUsers');
  const format = await getFormatter();
  const th = 'px-3 py-2 text-left font-semibold';

  return (
    <>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <form role="search" method="get" className="flex gap-2">
        <label htmlFor="user-search" className="sr-only">{t('searchLabel')}</label>
        <Input id="user-search" name="q" type="search" defaultValue={q} placeholder={t('searchLabel')} maxLength={100} className="min-w-0 flex-1" />
        <Button type="submit">{t('search')}</Button>
      </form>
      <p role="status" className="text-sm text-stone-600">{t('count', { count: users.total })}</p>
      {users.items.length > 0 && (
        <ClientMessages namespaces={['AdminUsers', 'Roles', 'FormErrors']}>
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-sm">
              <thead className="border-b border-stone-200 bg-stone-50">
                <tr>
                  <th scope="col" className={th}>{t('email')}</th>
                  <th scope="col" className={th}>{t('name')}</th>
                  <th scope="col" className={th}>{t('role')}</th>
                  <th scope="col" className={th}>{t('status')}</th>
                  <th scope="col" className={th}>{t('joined')}</th>
                  <th scope="col" className={th}>{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.items.map((user) => (
                  <tr key={user.id} data-email={user.email} className="border-b border-stone-100 align-top last:border-0">
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      {user.email}
                      {user.id === me.id && <span className="ml-1 text-stone-500">({t('you')})</span>}
                    </th>
                    <td className="px-3 py-2">{user.name}</td>
                    <td className="px-3 py-2"><UserRoleForm userId={user.id} email={user.email} role={user.role} /></td>
                    <td className="px-3 py-2">{user.disabled ? t('disabled') : t('active')}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{format.dateTime(new Date(user.createdAt), { dateStyle: 'medium' })}</td>
                    <td className="px-3 py-2"><UserStatusForm userId={user.id} email={user.email} disabled={user.disabled} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </ClientMessages>
      )}
      <Pagination path="/admin/users" page={users.page} pages={users.pages} query={q ? { q } : {}} />
    </>
  );
}
