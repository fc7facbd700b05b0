import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isLocale, type Locale } from '@/lib/i18n/routing';
import { AuthError, requireUser, type CurrentUser } from '@/lib/dal/session';
import type { BlockKind } from '@/lib/markdown/blocks';
import { MarkdownLimitError } from '@/lib/markdown/pool';
import { markdown } from '@/lib/markdown/shared-pool';
import { carryTranslation, type DiffPart } from '@/lib/translation/align';
import { hasErrors, type CheckIssue } from '@/lib/translation/checks';
import { MAX_BLOCK_CHARS, MAX_DRAFT_CHARS } from '@/lib/translation/limits';


/** Expected refusals, reported to the user in their language by the action layer. */
export class DraftError extends Error {
  constructor(
    readonly code: 'notFound' | 'alreadyClaimed' | 'notEditable' | 'shapeMismatch' | 'tooLarge' | 'checksFailed' | 'nothingToUpdate' | 'emailUnverified',
  ) {
    super(code);
  }
}

export type Conflict = { kind: 'conflict'; version: number; title: string; blocks: string[]; updatedAt: string };
export type Saved = { kind: 'saved'; version: number; updatedAt: string };

const EDITABLE = ['CLAIMED', 'IN_PROGRESS', 'CHANGES_REQUESTED'] as const;

/** A draft's or localization's stored blocks: a JSON array of strings. */
export function asTexts(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : '')) : [];
}

export type CommentDto = { id: string; body: string; author: string; createdAt: string };

/** The review comments a draft page shows, shared by the editor and the review page. */
export const commentSelect = {
  orderBy: { createdAt: 'asc' },
  select: { id: true, blockIndex: true, body: true, createdAt: true, author: { select: { name: true, email: true } } },
} satisfies Prisma.TranslationDraft$commentsArgs;

type CommentRow = { id: string; blockIndex: number; body: string; createdAt: Date; author: { name: string | null; email: string } };

export function commentsOfBlock(comments: CommentRow[], blockIndex: number): CommentDto[] {
  return comments
    .filter((c) => c.blockIndex === blockIndex)
    .map((c) => ({ id: c.id, body: c.body, author: c.author.name ?? c.author.email, createdAt: c.createdAt.toISOString() }));
}

export type EditorBlock = {
  kind: BlockKind;
  source: string;
  text: string;
  changed: boolean;
  sourceDiff: DiffPart[] | null;
  comments: CommentDto[];
};

export type EditorDraft = {
  id: string;
  slug: string;
  locale: Locale;
  sourceLocale: Locale;
  sourceTitle: string;
  title: string;
  status: string;
  version: number;
  updatedAt: string;
  isUpdate: boolean;
  reviewNote: string | null;
  blocks: EditorBlock[];
  glossary: { term: string; translation: string; note: string | null }[];
  checks: CheckIssue[];
};

async function ownDraft(user: CurrentUser, draftId: string) {
  const draft = await db.translationDraft.findUnique({ where: { id: draftId }, select: { translatorId: true } });
  // Someone else's draft looks exactly like a missing one: ids reveal nothing.
  if (!draft || draft.translatorId !== user.id) throw new DraftError('notFound');
}

/** Everything the editor shows; only the draft's translator may open it. */
export async function getDraftForEditor(draftId: string): Promise<EditorDraft> {
  const user = await requireUser();
  await ownDraft(user, draftId);
  const draft = await db.translationDraft.findUniqueOrThrow({
    where: { id: draftId },
    select: {
      id: true,
      locale: true,
      title: true,
      status: true,
      version: true,
      updatedAt: true,
      blocks: true,
      reviewNote: true,
      baseRevisionId: true,
      sourceRevision: { select: { body: true } },
      post: { select: { slug: true, sourceLocale: true, localizations: { select: { locale: true, title: true } } } },
      comments: commentSelect,
    },
  });
  if (!isLocale(draft.locale) || !isLocale(draft.post.sourceLocale)) throw new DraftError('notFound');
  const source = await markdown().run('splitBlocks', draft.sourceRevision.body);
  const texts = asTexts(draft.blocks);
  const changes = draft.baseRevisionId ? await changesSince(draft.baseRevisionId, draft.sourceRevision.body) : null;
  const glossary = await db.glossaryTerm.findMany({ where: { locale: draft.locale }, orderBy: { term: 'asc' }, select: { term: true, translation: true, note: true } });
  return {
    id: draft.id,
    slug: draft.post.slug,
    locale: draft.locale,
    sourceLocale: draft.post.sourceLocale,
    sourceTitle: draft.post.localizations.find((l) => l.locale === draft.post.sourceLocale)?.title ?? draft.post.slug,
    title: draft.title,
    status: draft.status,
    version: draft.version,
    updatedAt: draft.updatedAt.toISOString(),
    isUpdate: draft.baseRevisionId !== null,
    reviewNote: draft.reviewNote,
    blocks: source.map((b, i) => ({
      kind: b.kind,
      source: b.text,
      text: texts[i] ?? '',
      changed: changes?.[i]?.changed ?? false,
      sourceDiff: changes?.[i]?.sourceDiff ?? null,
      comments: commentsOfBlock(draft.comments, i),
    })),
    glossary,
    checks: await editorChecks(source, texts, draft.title, draft.locale),
  };
}

/**
 * The checks shown when the editor opens. A draft too complex to check still opens, without
 * them: the volunteer's text must stay reachable so that they can fix it.
 */
async function editorChecks(source: { kind: BlockKind; text: string }[], texts: string[], title: string, locale: string): Promise<CheckIssue[]> {
  try {
    return await markdown().run('check', source, texts, { title, locale });
  } catch (error) {
    if (error instanceof MarkdownLimitError) return [];
    throw error;
  }
}

/** Which source blocks changed since the revision the published translation was made from. */
async function changesSince(baseRevisionId: string, body: string) {
  const base = await db.sourceRevision.findUnique({ where: { id: baseRevisionId }, select: { body: true } });
  if (!base) return null;
  const old = await markdown().run('splitBlocks', base.body);
  return carryTranslation(old, old.map(() => ''), await markdown().run('splitBlocks', body));
}

/**
 * Saves the translator's text if nobody saved in between: the write names the version it was
 * based on, and a stale base returns the stored text instead of overwriting it.
 */
export async function saveDraft(draftId: string, baseVersion: number, title: string, blocks: string[]): Promise<Saved | Conflict> {
  const user = await requireUser();
  if (blocks.some((b) => b.length > MAX_BLOCK_CHARS) || blocks.reduce((n, b) => n + b.length, title.length) > MAX_DRAFT_CHARS) throw new DraftError('tooLarge');
  // Autosave runs every few seconds for every volunteer at work: one read and one write, and the
  // source's shape from its stored block hashes rather than by parsing its Markdown again.
  const draft = await db.translationDraft.findUnique({
    where: { id: draftId },
    select: { translatorId: true, status: true, sourceRevision: { select: { blockHashes: true } } },
  });
  // Someone else's draft looks exactly like a missing one: ids reveal nothing.
  if (!draft || draft.translatorId !== user.id) throw new DraftError('notFound');
  if (!(EDITABLE as readonly string[]).includes(draft.status)) throw new DraftError('notEditable');
  const sourceBlocks = draft.sourceRevision.blockHashes;
  if (!Array.isArray(sourceBlocks) || blocks.length !== sourceBlocks.length) throw new DraftError('shapeMismatch');

  const [saved] = await db.translationDraft.updateManyAndReturn({
    where: { id: draftId, translatorId: user.id, version: baseVersion, status: { in: [...EDITABLE] } },
    data: {
      title,
      blocks,
      version: { increment: 1 },
      claimExpiresAt: null,
      status: draft.status === 'CLAIMED' ? 'IN_PROGRESS' : draft.status,
    },
    select: { version: true, updatedAt: true },
  });
  if (saved) return { kind: 'saved', version: saved.version, updatedAt: saved.updatedAt.toISOString() };
  const now = await db.translationDraft.findUniqueOrThrow({ where: { id: draftId }, select: { status: true, version: true, title: true, blocks: true, updatedAt: true } });
  // Submitted, released or taken over in between: not a conflict the user could resolve by choosing text.
  if (!(EDITABLE as readonly string[]).includes(now.status)) throw new DraftError('notEditable');
  return { kind: 'conflict', version: now.version, title: now.title, blocks: asTexts(now.blocks), updatedAt: now.updatedAt.toISOString() };
}

/** Hands the draft to reviewers, if it passes the checks and nobody saved in between. */
export async function submitDraft(draftId: string, baseVersion: number): Promise<{ kind: 'submitted' } | Conflict> {
  const user = await requireUser();
  await ownDraft(user, draftId);
  const draft = await db.translationDraft.findUniqueOrThrow({
    where: { id: draftId },
    select: { status: true, title: true, blocks: true, locale: true, version: true, updatedAt: true, sourceRevision: { select: { body: true } } },
  });
  if (draft.version !== baseVersion) return { kind: 'conflict', version: draft.version, title: draft.title, blocks: asTexts(draft.blocks), updatedAt: draft.updatedAt.toISOString() };
  if (!(['IN_PROGRESS', 'CHANGES_REQUESTED'] as string[]).includes(draft.status)) throw new DraftError('notEditable');
  const source = await markdown().run('splitBlocks', draft.sourceRevision.body);
  if (hasErrors(await markdown().run('check', source, asTexts(draft.blocks), { title: draft.title, locale: draft.locale }))) {
    throw new DraftError('checksFailed');
  }
  const { count } = await db.translationDraft.updateMany({
    where: { id: draftId, translatorId: user.id, version: baseVersion },
    data: { status: 'SUBMITTED', submittedAt: new Date(), version: { increment: 1 } },
  });
  if (count === 0) throw new DraftError('notEditable');
  return { kind: 'submitted' };
}

/** Gives a claim back so that someone else can take the post. */
export async function releaseDraft(draftId: string): Promise<void> {
  const user = await requireUser();
  await ownDraft(user, draftId);
  const { count } = await db.translationDraft.updateMany({
    where: { id: draftId, translatorId: user.id, status: { in: [...EDITABLE] } },
    data: { status: 'RELEASED', version: { increment: 1 } },
  });
  if (count === 0) throw new DraftError('notEditable');
}

export { AuthError };
