import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import type * as SessionModule from '@/lib/dal/session';
import type { CurrentUser, Role } from '@/lib/dal/session';
import { upsertPostContent } from '@/lib/dal/content';

// Only the session lookup is replaced: which user a call runs as. Everything else, the database
// included, is real. AsyncLocalStorage lets two "browsers" act at the same time in one test.
const current = new AsyncLocalStorage<CurrentUser | null>();
let ambient: CurrentUser | null = null;

export function mockedSession(real: typeof SessionModule): typeof SessionModule {
  const who = () => {
    const scoped = current.getStore();
    return scoped === undefined ? ambient : scoped;
  };
  const requireUser = async () => {
    const user = who();
    if (!user) throw new real.AuthError('UNAUTHENTICATED');
    return user;
  };
  return {
    ...real,
    getCurrentUser: async () => who(),
    requireUser,
    requireRole: async (role: Role) => {
      const user = await requireUser();
      if (!real.hasRole(user, role)) throw new real.AuthError('FORBIDDEN');
      return user;
    },
  } as typeof SessionModule;
}

/** Every later call in this test runs as `user` (null: signed out). */
export function signInAs(user: CurrentUser | null) {
  ambient = user;
}

/** One call as `user`, whatever the ambient session: two people acting at once. */
export function as<T>(user: CurrentUser | null, fn: () => Promise<T>): Promise<T> {
  return current.run(user, fn);
}

const run = randomUUID().slice(0, 8);
let counter = 0;
export const unique = (label: string) => `${label}-${run}-${(counter += 1)}`;

export async function createUser(role: Role, name: string): Promise<CurrentUser> {
  const email = `${unique(name.toLowerCase().replace(/\W+/g, '-'))}@tr.example`;
  // Verified, as accounts made by an operator are: only verified accounts may claim work.
  const user = await db.user.create({ data: { email, name, role, emailVerified: new Date() }, select: { id: true, email: true, name: true, role: true } });
  return user;
}

export const SOURCE = [
  '# Diffusion in practice',
  'Diffusion models turn noise into pictures, step by step.',
  'Read [the paper](https://arxiv.org/abs/2006.11239) first.',
  '```python\nimage = pipe("a bridge").images[0]\n```',
  '- fast\n- simple',
].join('\n\n');

/** A published English post with no translation, which only this test uses. */
export async function createEnglishPost(body = SOURCE, title = 'Diffusion in practice') {
  const slug = unique('post');
  const { id } = await upsertPostContent(
    {
      slug,
      sourceLocale: 'en',
      publishedAt: new Date('2026-02-01T00:00:00Z'),
      authors: [{ handle: 'tr-author', displayName: 'Original Author' }],
      tags: [],
      localizations: [{ locale: 'en', title, body, published: true }],
    },
    { kind: 'system', reason: 'seed' },
  );
  return { id, slug };
}

/** A faithful Chinese translation of SOURCE, block by block. */
export const TRANSLATION = ['# 实践中的扩散', '扩散模型一步一步地把噪声变成图片。', '先读[论文](https://arxiv.org/abs/2006.11239)。', '```python\nimage = pipe("a bridge").images[0]\n```', '- 快', '- 简单'];

export async function draftRow(id: string) {
  return db.translationDraft.findUniqueOrThrow({
    where: { id },
    select: { status: true, title: true, blocks: true, version: true, translatorId: true, reviewerId: true, claimExpiresAt: true },
  });
}

/** Claims `postId` as `user`, saves a full translation and submits it; returns the draft id. */
export async function translatedDraft(user: CurrentUser, postId: string, { submit = true, texts = TRANSLATION, title = '实践中的扩散' } = {}) {
  const { saveDraft, submitDraft } = await import('@/lib/dal/translation-drafts');
  const { claimPost } = await import('@/lib/dal/translation-claims');
  return as(user, async () => {
    const { draftId } = await claimPost(postId, 'zh');
    const saved = await saveDraft(draftId, 1, title, [...texts]);
    if (saved.kind !== 'saved') throw new Error('unexpected conflict');
    if (submit) await submitDraft(draftId, saved.version);
    return draftId;
  });
}
