'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { submitDraftAction, type ActionState } from '@/lib/actions/translation';
import type { EditorDraft } from '@/lib/dal/translation-drafts';
import { glossaryPattern } from '@/lib/translation/glossary-match';
import { previewMarkdown } from '@/lib/translation/preview-markdown';
import { EDITABLE_STATUSES, type Snapshot } from '@/components/translate/snapshot';
import { useAutosave } from '@/components/translate/use-autosave';
import { useLocalBackup } from '@/components/translate/use-local-backup';
import { useChecks } from '@/components/translate/use-checks';
import { useConflictChoices } from '@/components/translate/use-conflict-choices';
import { useEditorShortcuts } from '@/components/translate/use-editor-shortcuts';
import { BlockRow } from '@/components/translate/block-row';
import { TitleRow } from '@/components/translate/title-row';
import { EditorToolbar } from '@/components/translate/editor-toolbar';
import { EditorNotices } from '@/components/translate/editor-notices';
import { ChecksSummary } from '@/components/translate/checks-summary';
import { PreviewPanel } from '@/components/translate/preview-panel';

type Props = {
  draft: EditorDraft;
  languageName: string;
  releaseAction: (prev: ActionState, formData: FormData) => Promise<ActionState>;
};

const HTML_LANG: Record<string, string> = { zh: 'zh-CN' };
const htmlLang = (locale: string) => HTML_LANG[locale] ?? locale;

export function TranslationEditor({ draft, languageName, releaseAction }: Props) {
  const t = useTranslations('Translate');
  const router = useRouter();
  const editable = EDITABLE_STATUSES.includes(draft.status);
  const [server] = useState<Snapshot>(() => ({ title: draft.title, blocks: draft.blocks.map((b) => b.text) }));
  const [title, setTitle] = useState(server.title);
  const [texts, setTexts] = useState<readonly string[]>(server.blocks);
  const current = useMemo<Snapshot>(() => ({ title, blocks: texts }), [title, texts]);

  const autosave = useAutosave({ draftId: draft.id, version: draft.version, current, enabled: editable });
  const backup = useLocalBackup({ draftId: draft.id, version: autosave.version, current, server, dirty: autosave.dirty, enabled: editable });
  const checks = useChecks(draft.blocks, texts, title, draft.locale, draft.checks);
  const choices = useConflictChoices({ conflict: autosave.conflict, current, setTitle, setTexts, settle: autosave.settleConflict, save: autosave.save });
  const pattern = useMemo(() => glossaryPattern(draft.glossary), [draft.glossary]);

  const hasChanged = draft.isUpdate && draft.blocks.some((b) => b.changed);
  const [changedOnly, setChangedOnly] = useState(hasChanged);
  const [view, setView] = useState<'edit' | 'preview'>('edit');
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const container = useRef<HTMLDivElement>(null);

  const setBlock = useCallback((index: number, text: string) => setTexts((all) => all.map((old, i) => (i === index ? text : old))), []);
  const { save } = autosave;
  const saveSoon = useCallback(() => void save(), [save]);

  const goTo = useCallback((block: number) => {
    setView('edit');
    if (block >= 0 && !draft.blocks[block]?.changed) setChangedOnly(false);
    // After the re-render that shows the block.
    requestAnimationFrame(() => {
      const field = container.current?.querySelector<HTMLElement>(block === -1 ? '#draft-title' : `[data-block-textarea="${block}"]`);
      field?.focus();
      field?.scrollIntoView({ block: 'center' });
    });
  }, [draft.blocks]);

  const submit = useCallback(async () => {
    if (!editable || submitting || checks.errors > 0 || checks.pending || autosave.conflict) return;
    setSubmitting(true);
    setSubmitError(null);
    // A claim nobody saved yet is not a draft the server accepts for review: save it first.
    const outcome = await autosave.save(draft.status === 'CLAIMED' && autosave.baseVersion() === draft.version);
    if (outcome !== 'saved' && outcome !== 'clean') {
      setSubmitting(false);
      return;
    }
    try {
      const result = await submitDraftAction({ draftId: draft.id, baseVersion: autosave.baseVersion() });
      if (result.ok) {
        backup.forget();
        router.push({ pathname: '/translate', query: { submitted: '1' } });
        return;
      }
      if ('conflict' in result) autosave.reportConflict(result.conflict);
      else setSubmitError(result.error);
    } catch {
      setSubmitError('Translate.errors.offline');
    }
    setSubmitting(false);
  }, [editable, submitting, checks.errors, checks.pending, autosave, draft.status, draft.version, draft.id, backup, router]);

  const onFieldKeyDown = useEditorShortcuts({ container, onSave: saveSoon, onSubmit: submit, enabled: editable });

  useEffect(() => {
    if (!autosave.dirty && autosave.status.kind !== 'saving') return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [autosave.dirty, autosave.status.kind]);

  const visible = draft.blocks.map((b, i) => i).filter((i) => !changedOnly || draft.blocks[i]!.changed);
  const sourceLang = htmlLang(draft.sourceLocale);
  const targetLang = htmlLang(draft.locale);

  return (
    <div ref={container}>
      <EditorToolbar
        draftId={draft.id}
        editable={editable}
        status={autosave.status}
        dirty={autosave.dirty}
        errors={checks.errors}
        checking={checks.pending}
        submitting={submitting}
        submitError={submitError}
        view={view}
        onView={setView}
        onSave={saveSoon}
        onSubmit={() => void submit()}
        releaseAction={releaseAction}
        onRelease={backup.forget}
      />
      <div className="mt-4 space-y-4">
        <EditorNotices
          draft={draft}
          restore={editable ? backup.offer : null}
          onRestore={() => {
            if (!backup.offer) return;
            setTitle(backup.offer.title);
            setTexts(backup.offer.blocks);
            backup.dismiss();
          }}
          onDiscard={backup.dismiss}
          conflict={autosave.conflict}
          differing={choices.differing}
          onKeepAllMine={choices.keepAllMine}
          onTakeAllTheirs={choices.takeAllTheirs}
        />
        {hasChanged && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={changedOnly} onChange={(e) => setChangedOnly(e.target.checked)} className="size-4" />
            {t('changedOnly')}
            {changedOnly && <span className="text-stone-500">— {t('changedOnlyCount', { shown: visible.length, total: draft.blocks.length })}</span>}
          </label>
        )}
        <ChecksSummary issues={checks.all} errors={checks.errors} warnings={checks.warnings} onGoTo={goTo} />

        <div role="tabpanel" id="panel-edit" aria-labelledby="tab-edit" hidden={view !== 'edit'} className="space-y-4">
          <TitleRow
            sourceTitle={draft.sourceTitle}
            title={title}
            languageName={languageName}
            sourceLang={sourceLang}
            targetLang={targetLang}
            readOnly={!editable}
            issues={checks.title}
            theirs={choices.theirTitle}
            onChange={setTitle}
            onBlur={saveSoon}
            onKeyDown={onFieldKeyDown}
            onKeepMine={choices.keepTitle}
            onTakeTheirs={choices.takeTitle}
          />
          {visible.map((i) => (
            <BlockRow
              key={i}
              index={i}
              total={draft.blocks.length}
              block={draft.blocks[i]!}
              text={texts[i] ?? ''}
              readOnly={!editable}
              issues={checks.perBlock[i] ?? []}
              glossary={draft.glossary}
              pattern={pattern}
              sourceLang={sourceLang}
              targetLang={targetLang}
              showDiff={draft.isUpdate}
              theirs={choices.theirsByBlock.get(i)}
              onChange={setBlock}
              onKeepMine={choices.keepMine}
              onTakeTheirs={choices.takeTheirs}
              onBlur={saveSoon}
              onKeyDown={onFieldKeyDown}
            />
          ))}
        </div>
        <div role="tabpanel" id="panel-preview" aria-labelledby="tab-preview" hidden={view !== 'preview'}>
          {view === 'preview' && <PreviewPanel title={title} markdown={previewMarkdown(draft.blocks, texts)} lang={targetLang} />}
        </div>
      </div>
    </div>
  );
}
