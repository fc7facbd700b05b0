import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listUsers } from '@/lib/dal/users';
import { userSearchSchema } from '@/lib/validations/users';
import { adminMetadata, openAdminPage, readPagedQuery } from '@/components/admin/admin-page';
import { UserRoleForm } from '@/components/admin/user-role-form';
import { UserStatusForm } from '@/components/admin/user-status-form';
import { ClientMessages } from '@/components/ui/client-messages';
import { Pagination } from '@/components/ui/pagination';
import { SearchForm } from '@/components/ui/search-form';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('AdminUsers', 'title');

export default async function AdminUsersPage({ params, searchParams }: PageProps<'/[locale]/admin/users'>) {
  const { admin: me } = await openAdminPage(params);
  const { query, page } = await readPagedQuery(searchParams);
  const { q } = userSearchSchema.parse({ q: query.q });
  const users = await listUsers({ q, page });
  if (page > users.pages) notFound();
  const t = await getTranslations('AdminUsers');
  const format = await getFormatter();
  const th = 'px-3 py-2 text-left font-semibold';

  return (
    <>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <SearchForm id="user-search" label={t('searchLabel')} submit={t('search')} defaultValue={q} placeholder={t('searchLabel')} maxLength={100} />
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
