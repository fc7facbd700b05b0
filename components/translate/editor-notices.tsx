'use client';

import { useTranslations } from 'next-intl';
import type { Conflict, EditorDraft } from '@/lib/dal/translation-drafts';
import type { Backup } from '@/components/translate/use-local-backup';
import { ConflictBanner } from '@/components/translate/conflict-banner';
import { RestoreBanner } from '@/components/translate/restore-banner';

type Props = {
  draft: EditorDraft;
  restore: Backup | null;
  onRestore: () => void;
  onDiscard: () => void;
  conflict: Conflict | null;
  differing: number;
  onKeepAllMine: () => void;
  onTakeAllTheirs: () => void;
};

const READ_ONLY: Record<string, string> = { SUBMITTED: 'readOnlySubmitted', APPROVED: 'readOnlyApproved', RELEASED: 'readOnlyReleased' };

/** What the user must know before editing: a conflict, a copy to restore, the reviewer's note, why it is read-only. */
export function EditorNotices({ draft, restore, onRestore, onDiscard, conflict, differing, onKeepAllMine, onTakeAllTheirs }: Props) {
  const t = useTranslations('Translate');
  const readOnly = READ_ONLY[draft.status];
  return (
    <>
      {conflict && <ConflictBanner updatedAt={conflict.updatedAt} differing={differing} onKeepAllMine={onKeepAllMine} onTakeAllTheirs={onTakeAllTheirs} />}
      {restore && <RestoreBanner savedAt={restore.at} onRestore={onRestore} onDiscard={onDiscard} />}
      {readOnly && (
        <p role="status" className="rounded-lg border border-sky-300 bg-sky-50 p-3 text-sky-950">
          {t(readOnly)}
        </p>
      )}
      {draft.status === 'CHANGES_REQUESTED' && draft.reviewNote && (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950">
          <h2 className="font-semibold">{t('reviewNoteHeading')}</h2>
          <p className="mt-1 whitespace-pre-wrap">{draft.reviewNote}</p>
        </div>
      )}
      {draft.isUpdate && <p className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950">{t('updateIntro')}</p>}
    </>
  );
}
