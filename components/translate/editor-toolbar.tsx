'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { ActionState } from '@/lib/actions/translation';
import type { SaveStatus } from '@/components/translate/use-autosave';
import { Button } from '@/components/ui/button';
import { useMessageKeys } from '@/components/ui/use-message-keys';
import { ReleaseControl } from '@/components/translate/release-control';

type Props = {
  draftId: string;
  editable: boolean;
  status: SaveStatus;
  dirty: boolean;
  errors: number;
  /** Checks of a change are still running: submit waits for them. */
  checking: boolean;
  submitting: boolean;
  submitError: string | null;
  view: 'edit' | 'preview';
  onView: (view: 'edit' | 'preview') => void;
  onSave: () => void;
  onSubmit: () => void;
  releaseAction: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  onRelease: () => void;
};

function StatusText({ status, dirty }: { status: SaveStatus; dirty: boolean }) {
  const t = useTranslations('Translate');
  const keys = useMessageKeys();
  const format = useFormatter();
  switch (status.kind) {
    case 'conflict':
      return <span className="font-medium text-red-800">{t('statusConflict')}</span>;
    case 'offline':
      return <span className="font-medium text-amber-800">{t('statusOffline')}</span>;
    case 'error':
      return <span className="font-medium text-red-800">{t('statusError', { reason: keys.one(status.message) ?? '' })}</span>;
    case 'saving':
      return <span>{t('statusSaving')}</span>;
    default:
      if (dirty) return <span>{t('statusPending')}</span>;
      if (status.kind === 'saved') return <span className="text-green-800">{t('statusSaved', { time: format.dateTime(new Date(status.at), { timeStyle: 'short' }) })}</span>;
      return <span>{t('statusIdle')}</span>;
  }
}

/** Save state, view switch and the draft's actions; stays in view while the user scrolls the blocks. */
export function EditorToolbar(props: Props) {
  const { editable, status, dirty, errors, checking, submitting, submitError, view } = props;
  const t = useTranslations('Translate');
  const keys = useMessageKeys();
  const blocked = errors > 0;
  const tab = (value: 'edit' | 'preview', label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${value}`}
      aria-selected={view === value}
      aria-controls={`panel-${value}`}
      onClick={() => props.onView(value)}
      className={`rounded-md px-3 py-1.5 text-sm font-medium ${view === value ? 'bg-stone-900 text-white' : 'text-stone-700 hover:bg-stone-100'}`}
    >
      {label}
    </button>
  );
  return (
    <div className="sticky top-0 z-10 -mx-4 border-b border-stone-200 bg-white/95 px-4 py-2 shadow-sm backdrop-blur sm:-mx-6 sm:px-6">
      <div className="flex flex-wrap items-center gap-3">
        <div role="tablist" aria-label={t('viewLabel')} className="flex gap-1">
          {tab('edit', t('tabEdit'))}
          {tab('preview', t('tabPreview'))}
        </div>
        {editable && (
          <p role="status" aria-live="polite" className="min-w-40 flex-1 text-sm text-stone-700">
            <StatusText status={status} dirty={dirty} />
          </p>
        )}
        {editable && (
          <div className="flex flex-wrap items-center gap-2">
            <Button variant="secondary" size="sm" onClick={props.onSave}>
              {t('saveNow')}
            </Button>
            <Button size="sm" onClick={props.onSubmit} disabled={blocked || checking || submitting || status.kind === 'conflict'} aria-describedby={blocked ? 'submit-blocked' : undefined}>
              {submitting ? t('submitting') : t('submit')}
            </Button>
            <ReleaseControl draftId={props.draftId} action={props.releaseAction} onConfirm={props.onRelease} />
          </div>
        )}
      </div>
      {editable && (blocked || submitError) && (
        <p id="submit-blocked" className="mt-1 text-sm text-red-800" role={submitError ? 'alert' : undefined}>
          {submitError ? keys.one(submitError) : t('submitBlocked', { count: errors })}
        </p>
      )}
      {editable && <p className="mt-1 text-xs text-stone-500">{t('shortcuts')}</p>}
    </div>
  );
}
