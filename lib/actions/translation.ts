'use server';

import { revalidatePath } from 'next/cache';
import { revalidatePublishedPost } from '@/lib/dal/cached-posts';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { AuthError, getCurrentUser } from '@/lib/dal/session';
import { DraftError, releaseDraft, saveDraft, submitDraft, type Conflict } from '@/lib/dal/translation-drafts';
import { claimPost, startUpdate } from '@/lib/dal/translation-claims';
import { addReviewComment, approveDraft, requestChanges } from '@/lib/dal/reviews';
import { upsertGlossaryTerm } from '@/lib/dal/glossary';
import { updateSourcePost } from '@/lib/dal/source-posts';
import { MarkdownLimitError, markdownRefusalKey } from '@/lib/markdown/pool';
import { markdown } from '@/lib/markdown/shared-pool';
import type { Locale } from '@/lib/i18n/routing';
import {
  claimSchema,
  commentSchema,
  draftIdSchema,
  glossarySchema,
  previewSchema,
  requestChangesSchema,
  saveDraftSchema,
  sourceEditSchema,
  submitDraftSchema,
  uiLocaleSchema,
} from '@/lib/validations/translation';
import { failedOnNul, NUL_CHARACTER, withoutNul } from '@/lib/validations/text';

/** A message key the client translates; field errors are message keys too. */
export type ActionState = { ok: true } | { ok: false; error?: string; fieldErrors?: Record<string, string[]> } | null;

function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    (out[key] ??= []).push(issue.message.includes('.') ? issue.message : 'FormErrors.invalid');
  }
  return out;
}

/** Expected refusals become message keys; anything else is a bug and propagates. */
function refusal(error: unknown): { ok: false; error: string } {
  if (error instanceof AuthError) return { ok: false, error: error.code === 'UNAUTHENTICATED' ? 'FormErrors.unauthenticated' : 'FormErrors.forbidden' };
  if (error instanceof DraftError) return { ok: false, error: `Translate.errors.${error.code}` };
  if (error instanceof MarkdownLimitError) return { ok: false, error: markdownRefusalKey(error) };
  throw error;
}

/** What an action bound to an interface language answers when that language is not one of ours. */
const badLocale = (uiLocale: unknown): ActionState | null => (uiLocaleSchema.safeParse(uiLocale).success ? null : { ok: false, error: 'Translate.errors.invalid' });

function formObject(formData: FormData) {
  return Object.fromEntries([...formData.entries()].filter(([k]) => !k.startsWith('$')));
}

export async function claimPostAction(uiLocale: Locale, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const refused = badLocale(uiLocale);
  if (refused) return refused;
  const parsed = withoutNul(claimSchema).safeParse(formObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  let draftId: string;
  try {
    ({ draftId } = await claimPost(parsed.data.postId, parsed.data.locale));
  } catch (error) {
    return refusal(error);
  }
  redirect(`/${uiLocale}/translate/${draftId}`);
}

export async function startUpdateAction(uiLocale: Locale, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const refused = badLocale(uiLocale);
  if (refused) return refused;
  const parsed = withoutNul(claimSchema).safeParse(formObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  let draftId: string;
  try {
    ({ draftId } = await startUpdate(parsed.data.postId, parsed.data.locale));
  } catch (error) {
    return refusal(error);
  }
  redirect(`/${uiLocale}/translate/${draftId}`);
}

export type SaveResult = { ok: true; version: number; updatedAt: string } | { ok: false; conflict: Conflict } | { ok: false; error: string };

/** Called by the editor's autosave with JSON, not a form. */
export async function saveDraftAction(input: unknown): Promise<SaveResult> {
  const parsed = withoutNul(saveDraftSchema).safeParse(input);
  if (!parsed.success) return { ok: false, error: failedOnNul(parsed.error) ? NUL_CHARACTER : 'Translate.errors.invalid' };
  try {
    const result = await saveDraft(parsed.data.draftId, parsed.data.baseVersion, parsed.data.title, parsed.data.blocks);
    return result.kind === 'saved' ? { ok: true, version: result.version, updatedAt: result.updatedAt } : { ok: false, conflict: result };
  } catch (error) {
    return refusal(error);
  }
}

export async function submitDraftAction(input: unknown): Promise<{ ok: true } | { ok: false; conflict: Conflict } | { ok: false; error: string }> {
  const parsed = withoutNul(submitDraftSchema).safeParse(input);
  if (!parsed.success) return { ok: false, error: 'Translate.errors.invalid' };
  try {
    const result = await submitDraft(parsed.data.draftId, parsed.data.baseVersion);
    return result.kind === 'submitted' ? { ok: true } : { ok: false, conflict: result };
  } catch (error) {
    return refusal(error);
  }
}

export async function releaseDraftAction(uiLocale: Locale, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const refused = badLocale(uiLocale);
  if (refused) return refused;
  const parsed = withoutNul(draftIdSchema).safeParse(formObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  try {
    await releaseDraft(parsed.data.draftId);
  } catch (error) {
    return refusal(error);
  }
  redirect(`/${uiLocale}/translate`);
}

/**
 * Live preview: the same renderer and sanitizer as publishing, so the preview cannot lie. A text
 * too complex to render within the time limit gets a message key instead of HTML.
 */
export async function previewAction(input: unknown): Promise<{ html: string } | { error: string }> {
  const parsed = previewSchema.safeParse(input);
  // Rendering costs CPU: only signed-in volunteers get previews.
  if (!parsed.success || !(await getCurrentUser())) return { html: '' };
  try {
    return { html: (await markdown().run('render', parsed.data.markdown)).html };
  } catch (error) {
    if (error instanceof MarkdownLimitError) return { error: markdownRefusalKey(error) };
    throw error;
  }
}

export async function addCommentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = withoutNul(commentSchema).safeParse(formObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  try {
    await addReviewComment(parsed.data.draftId, parsed.data.blockIndex, parsed.data.body);
  } catch (error) {
    return refusal(error);
  }
  revalidatePath('/[locale]/review/[draftId]', 'page');
  return { ok: true };
}

export async function requestChangesAction(uiLocale: Locale, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const refused = badLocale(uiLocale);
  if (refused) return refused;
  const parsed = withoutNul(requestChangesSchema).safeParse(formObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  try {
    await requestChanges(parsed.data.draftId, parsed.data.note);
  } catch (error) {
    return refusal(error);
  }
  redirect(`/${uiLocale}/review?changesRequested=1`);
}

export async function approveDraftAction(uiLocale: Locale, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const refused = badLocale(uiLocale);
  if (refused) return refused;
  const parsed = withoutNul(draftIdSchema).safeParse(formObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  let published: { slug: string; locale: Locale };
  try {
    published = await approveDraft(parsed.data.draftId);
  } catch (error) {
    return refusal(error);
  }
  revalidatePublishedPost(published.slug);
  redirect(`/${uiLocale}/review?published=${encodeURIComponent(published.slug)}&lang=${published.locale}`);
}

export async function upsertGlossaryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = withoutNul(glossarySchema).safeParse(formObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  try {
    await upsertGlossaryTerm(parsed.data);
  } catch (error) {
    return refusal(error);
  }
  revalidatePath('/[locale]/admin/glossary', 'page');
  return { ok: true };
}

export type SourceSaveResult = { ok: true; version: number } | { ok: false; conflict: { version: number; title: string; body: string } } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export async function updateSourcePostAction(input: unknown): Promise<SourceSaveResult> {
  const parsed = withoutNul(sourceEditSchema).safeParse(input);
  if (!parsed.success) return { ok: false, error: failedOnNul(parsed.error) ? NUL_CHARACTER : 'FormErrors.invalid', fieldErrors: fieldErrors(parsed.error) };
  try {
    const result = await updateSourcePost(parsed.data.slug, parsed.data.baseVersion, parsed.data.title, parsed.data.body);
    if (result.kind === 'conflict') return { ok: false, conflict: result };
    revalidatePublishedPost(parsed.data.slug);
    return { ok: true, version: result.version };
  } catch (error) {
    return refusal(error);
  }
}
