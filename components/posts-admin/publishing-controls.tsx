'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/actions/safe-action';
import type { PublishingAction } from '@/lib/dal/post-status';
import { Button } from '@/components/ui/button';
import { useMessageKeys } from '@/components/ui/use-message-keys';

type Action = FormAction;
type Row = { id: string; version: number };

type Props = {
  row: Row;
  allowed: PublishingAction[];
  actions: Record<PublishingAction, Action>;
  /** Names the post and language in every button's accessible name. */
  subject: string;
  timeZone: string;
  /** The scheduled time as the datetime-local input shows it in `timeZone`, when there is one. */
  scheduledWall: string | null;
};

function Hidden({ row }: { row: Row }) {
  return (
    <>
      <input type="hidden" name="id" value={row.id} />
      <input type="hidden" name="version" value={row.version} />
    </>
  );
}

/** One button as its own form, so it works without JavaScript; a refusal shows beside it. */
function ActionButton({ action, row, label, ariaLabel, variant }: { action: Action; row: Row; label: string; ariaLabel: string; variant: 'primary' | 'secondary' | 'danger' }) {
  const messages = useMessageKeys();
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <Hidden row={row} />
      <Button type="submit" size="sm" variant={variant} disabled={pending} aria-label={ariaLabel}>{label}</Button>
      {state && !state.ok && <span role="alert" className="ml-2 text-sm text-red-800">{messages.one(state.formError ?? 'FormErrors.invalid')}</span>}
    </form>
  );
}

function ScheduleForm({ action, row, subject, timeZone, scheduledWall }: { action: Action } & Omit<Props, 'allowed' | 'actions'>) {
  const t = useTranslations('PostAdmin');
  const messages = useMessageKeys();
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const fieldErrors = messages.all([...(failed?.fieldErrors?.at ?? []), ...(failed?.fieldErrors?.timeZone ?? [])]);
  const formError = failed && fieldErrors.length === 0 ? messages.one(failed.formError ?? 'FormErrors.invalid') : null;
  const id = `schedule-${row.id}`;
  return (
    <details open={failed !== null} className="text-sm">
      <summary className="cursor-pointer text-brand-700 underline">{scheduledWall ? t('actions.reschedule') : t('actions.schedule')}</summary>
      <form action={formAction} className="mt-2 space-y-1">
        <Hidden row={row} />
        <input type="hidden" name="timeZone" value={timeZone} />
        <label htmlFor={id} className="block font-medium">{t('actions.scheduleAt', { zone: timeZone })}</label>
        <div className="flex flex-wrap items-center gap-2">
          <input
            id={id}
            name="at"
            type="datetime-local"
            required
            defaultValue={failed?.values?.at ?? scheduledWall ?? ''}
            aria-invalid={fieldErrors.length ? true : undefined}
            aria-describedby={fieldErrors.length ? `${id}-error` : undefined}
            className="rounded-md border border-stone-300 bg-white px-2 py-1 aria-[invalid=true]:border-red-700"
          />
          <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={t('actions.scheduleFor', { subject })}>{t('actions.scheduleSubmit')}</Button>
        </div>
        {fieldErrors.length > 0 && (
          <ul id={`${id}-error`} className="text-red-800">
            {fieldErrors.map((e) => <li key={e}>{e}</li>)}
          </ul>
        )}
        {formError && <p role="alert" className="text-red-800">{formError}</p>}
      </form>
    </details>
  );
}

/**
 * The publishing controls of one language version; a change that went through shows in the
 * status beside them (an aria-live region), a refusal beside the button that was pressed.
 */
export function PublishingControls({ row, allowed, actions, subject, timeZone, scheduledWall }: Props) {
  const t = useTranslations('PostAdmin');
  if (allowed.length === 0) return null;
  return (
    <div className="mt-2 space-y-2">
      <div className="flex flex-wrap gap-2">
        {allowed.includes('publish') && <ActionButton action={actions.publish} row={row} variant="primary" label={t('actions.publish')} ariaLabel={t('actions.publishFor', { subject })} />}
        {allowed.includes('unpublish') && <ActionButton action={actions.unpublish} row={row} variant="danger" label={t('actions.unpublish')} ariaLabel={t('actions.unpublishFor', { subject })} />}
        {allowed.includes('cancel') && <ActionButton action={actions.cancel} row={row} variant="secondary" label={t('actions.cancel')} ariaLabel={t('actions.cancelFor', { subject })} />}
      </div>
      {allowed.includes('schedule') && <ScheduleForm action={actions.schedule} row={row} subject={subject} timeZone={timeZone} scheduledWall={scheduledWall} />}
    </div>
  );
}
