import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import type { FormAction } from '@/lib/actions/safe-action';
import { ClientMessages } from '@/components/ui/client-messages';
import { EventActionButton } from '@/components/events/action-button';

/** The confirmation step before cancelling or deleting: a page, so it works without JavaScript. */
export async function ConfirmEventAction({ kind, id, title, action }: { kind: 'cancel' | 'delete'; id: string; title: string; action: FormAction }) {
  const t = await getTranslations('EventAdmin');
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">{t(kind === 'cancel' ? 'confirmCancelTitle' : 'confirmDeleteTitle', { title })}</h1>
      <p className="text-stone-700">{t(kind === 'cancel' ? 'confirmCancelBody' : 'confirmDeleteBody')}</p>
      <div className="flex flex-wrap items-center gap-4">
        <ClientMessages namespaces={['EventForm', 'FormErrors']}>
          <EventActionButton action={action} id={id} label={t(kind === 'cancel' ? 'confirmCancel' : 'confirmDelete')} variant="danger" size="md" />
        </ClientMessages>
        <Link href="/admin/events" className="text-brand-700 underline">{t('keep')}</Link>
      </div>
    </div>
  );
}
