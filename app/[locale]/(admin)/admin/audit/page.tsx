import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listAuditEntries } from '@/lib/dal/audit';
import { auditFilterSchema } from '@/lib/validations/users';
import { adminMetadata, openAdminPage, readPagedQuery } from '@/components/admin/admin-page';
import { AuditTable } from '@/components/admin/audit-table';
import { Pagination } from '@/components/ui/pagination';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('AuditLog', 'title');

export default async function AuditPage({ params, searchParams }: PageProps<'/[locale]/admin/audit'>) {
  await openAdminPage(params);
  const { query, page } = await readPagedQuery(searchParams);
  const { action } = auditFilterSchema.parse({ action: query.action });
  const log = await listAuditEntries({ action, page });
  if (page > log.pages) notFound();
  const t = await getTranslations('AuditLog');
  const format = await getFormatter();

  return (
    <>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <form method="get" className="flex items-end gap-2">
        <div>
          <label htmlFor="audit-action" className="block text-sm font-medium">{t('filterLabel')}</label>
          <Select id="audit-action" name="action" defaultValue={action ?? ''} className="w-auto">
            <option value="">{t('allActions')}</option>
            {log.actions.map((a) => (
              <option key={a} value={a}>{a}</option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary">{t('filter')}</Button>
      </form>
      {log.items.length === 0 ? (
        <p className="text-stone-600">{t('empty')}</p>
      ) : (
        <AuditTable
          entries={log.items.map((e) => ({ ...e, when: format.dateTime(new Date(e.createdAt), { dateStyle: 'medium', timeStyle: 'medium' }) }))}
        />
      )}
      <Pagination path="/admin/audit" page={log.page} pages={log.pages} query={action ? { action } : {}} />
    </>
  );
}
