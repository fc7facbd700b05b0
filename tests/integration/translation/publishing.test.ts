import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/dal/session';
import { getPublishedPost } from '@/lib/dal/posts';
import { getDraftForEditor, saveDraft, submitDraft } from '@/lib/dal/translation-drafts';
import { startUpdate } from '@/lib/dal/translation-claims';
import { getMyWork } from '@/lib/dal/translation-queue';
import { addReviewComment, approveDraft, getDraftForReview, requestChanges } from '@/lib/dal/reviews';
import { getSourceForEditing, updateSourcePost } from '@/lib/dal/source-posts';
import { as, createEnglishPost, createUser, draftRow, SOURCE, signInAs, TRANSLATION, translatedDraft } from './support';

vi.mock('@/lib/dal/session', async (importOriginal) => (await import('./support')).mockedSession(await importOriginal()));

let wei: CurrentUser;
let rita: CurrentUser;
let admin: CurrentUser;

beforeAll(async () => {
  [wei, rita, admin] = await Promise.all([createUser('VOLUNTEER', 'Li Wei'), createUser('REVIEWER', 'Rita'), createUser('ADMIN', 'Adam')]);
});

async function published(slug: string) {
  const found = await getPublishedPost(slug, 'zh');
  if (found.kind !== 'found') throw new Error(`no Chinese version of ${slug}: ${found.kind}`);
  return found.post;
}

describe('approval', () => {
  it('publishes the translation with translator and proofreader credits, pinned to its source revision', async () => {
    const post = await createEnglishPost();
    const draftId = await translatedDraft(wei, post.id);
    await as(rita, () => approveDraft(draftId));

    const zh = await published(post.slug);
    expect(zh.title).toBe('实践中的扩散');
    expect(zh.html).toContain('一步一步地把噪声变成图片');
    expect(zh.html).toContain('href="https://arxiv.org/abs/2006.11239"');
    expect(zh.translators.map((a) => a.displayName)).toEqual(['Li Wei']);
    expect(zh.proofreaders.map((a) => a.displayName)).toEqual(['Rita']);
    expect(zh.isTranslation).toBe(true);
    expect(zh.isBehindSource).toBe(false);

    const latest = await db.sourceRevision.findFirstOrThrow({ where: { postId: post.id }, orderBy: { createdAt: 'desc' }, select: { id: true } });
    const row = await db.postLocalization.findUniqueOrThrow({ where: { postId_locale: { postId: post.id, locale: 'zh' } }, select: { sourceRevisionId: true, status: true } });
    expect(row).toEqual({ sourceRevisionId: latest.id, status: 'PUBLISHED' });
    expect((await draftRow(draftId)).status).toBe('APPROVED');
    expect(await db.auditLog.count({ where: { action: 'translation.publish', data: { path: ['draftId'], equals: draftId } } })).toBe(1);
  });

  it('after changes were requested, takes the fixed resubmission', async () => {
    const post = await createEnglishPost();
    const draftId = await translatedDraft(wei, post.id, { texts: TRANSLATION.map((t, i) => (i === 1 ? '扩散模型把噪音变成图片。' : t)) });
    await as(rita, () => addReviewComment(draftId, 1, '“noise” 按术语表译作“噪声”。'));
    await as(rita, () => requestChanges(draftId, '请统一术语。'));

    const editor = await as(wei, () => getDraftForEditor(draftId));
    expect(editor.status).toBe('CHANGES_REQUESTED');
    expect(editor.reviewNote).toBe('请统一术语。');
    expect(editor.blocks[1]!.comments.map((c) => c.body)).toEqual(['“noise” 按术语表译作“噪声”。']);
    expect((await as(wei, () => getMyWork())).drafts.find((d) => d.id === draftId)).toMatchObject({ status: 'CHANGES_REQUESTED', reviewNote: '请统一术语。' });

    await as(wei, async () => {
      const saved = await saveDraft(draftId, editor.version, editor.title, TRANSLATION);
      if (saved.kind !== 'saved') throw new Error('conflict');
      await submitDraft(draftId, saved.version);
    });
    await as(rita, () => approveDraft(draftId));
    expect((await published(post.slug)).html).toContain('一步一步地把噪声变成图片');
  });

  it('leaves script in translations and comments inert', async () => {
    const post = await createEnglishPost();
    const evil = [
      '# 实践中的扩散<script>alert(1)</script>',
      '扩散模型<img src=x onerror=alert(1)>把噪声变成图片。<iframe src="https://evil.example/"></iframe>',
      '先读[论文](https://arxiv.org/abs/2006.11239)和[这里](javascript:alert(1))。<a href="javascript:alert(2)">x</a>',
      TRANSLATION[3]!,
      '- 快 <svg onload=alert(3)>',
      '- 简单 <style>body{display:none}</style>',
    ];
    const draftId = await translatedDraft(wei, post.id, { texts: evil, title: '<script>alert("title")</script>扩散' });
    await as(rita, () => addReviewComment(draftId, 1, '<script>alert("comment")</script><img src=x onerror=alert(1)>'));
    const review = await as(rita, () => getDraftForReview(draftId));
    // Comments are stored and returned as plain text; the pages render them as text, never as HTML.
    expect(review.blocks[1]!.comments[0]!.body).toBe('<script>alert("comment")</script><img src=x onerror=alert(1)>');
    await as(rita, () => approveDraft(draftId));

    const { html } = await published(post.slug);
    expect(html).not.toMatch(/<script|<style|<svg|onerror|onload|javascript:|evil\.example/i);
    expect(html).toContain('把噪声变成图片');
    expect(html).toContain('<img src="x"');
  });
});

describe('when the original changes after publication', () => {
  it('marks the translation behind, carries unchanged blocks into the update, and is current again once the update is approved', async () => {
    const post = await createEnglishPost();
    const draftId = await translatedDraft(wei, post.id);
    await as(rita, () => approveDraft(draftId));
    expect((await published(post.slug)).isBehindSource).toBe(false);

    signInAs(admin);
    const source = await getSourceForEditing(post.slug);
    const edited = SOURCE.replace('step by step.', 'one small step at a time.');
    expect(await updateSourcePost(post.slug, source.version, source.title, edited)).toEqual({ kind: 'saved', version: source.version + 1 });
    // A second editor working from the old version is refused, and told what is there now.
    expect(await updateSourcePost(post.slug, source.version, source.title, 'Overwrite')).toMatchObject({ kind: 'conflict', body: edited });

    expect((await published(post.slug)).isBehindSource).toBe(true);
    expect((await as(wei, () => getMyWork())).behind.map((b) => b.slug)).toEqual([post.slug]);

    const { draftId: updateId } = await as(wei, () => startUpdate(post.id, 'zh'));
    const editor = await as(wei, () => getDraftForEditor(updateId));
    expect(editor.isUpdate).toBe(true);
    expect(editor.title).toBe('实践中的扩散');
    expect(editor.blocks.map((b) => b.changed)).toEqual([false, true, false, false, false, false]);
    expect(editor.blocks.map((b) => b.text)).toEqual(TRANSLATION);
    const diff = editor.blocks[1]!.sourceDiff!;
    // The diff reads as the old text with its removals and the new text with its additions.
    expect(diff.filter((p) => !p.added).map((p) => p.value).join('')).toBe('Diffusion models turn noise into pictures, step by step.');
    expect(diff.filter((p) => !p.removed).map((p) => p.value).join('')).toBe('Diffusion models turn noise into pictures, one small step at a time.');
    expect(diff.filter((p) => p.removed).map((p) => p.value).join(' ')).toMatch(/by/);
    expect(diff.filter((p) => p.added).map((p) => p.value).join(' ')).toMatch(/small/);
    // Once an update is under way, the dashboard lists the draft, not the stale translation.
    expect((await as(wei, () => getMyWork())).behind).toEqual([]);

    const texts = TRANSLATION.map((t, i) => (i === 1 ? '扩散模型一小步一小步地把噪声变成图片。' : t));
    await as(wei, async () => {
      const saved = await saveDraft(updateId, editor.version, editor.title, texts);
      if (saved.kind !== 'saved') throw new Error('conflict');
      await submitDraft(updateId, saved.version);
    });
    await as(rita, () => approveDraft(updateId));

    const zh = await published(post.slug);
    expect(zh.isBehindSource).toBe(false);
    expect(zh.html).toContain('一小步一小步');
    // Credited once each, not twice for two rounds of work.
    expect(zh.translators.map((a) => a.displayName)).toEqual(['Li Wei']);
    expect(zh.proofreaders.map((a) => a.displayName)).toEqual(['Rita']);
  });

  it('does not start an update of a translation that is already current', async () => {
    const post = await createEnglishPost();
    await as(rita, async () => approveDraft(await translatedDraft(wei, post.id)));
    await expect(as(wei, () => startUpdate(post.id, 'zh'))).rejects.toMatchObject({ code: 'nothingToUpdate' });
  });
});
