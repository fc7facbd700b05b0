// The five seed documents (tests/fixtures/seeds, copies of ../shared/seeds), each imported as a
// single file in its own dialect.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getPublishedPost } from '@/lib/dal/posts';
import { importPaths, removeImported, SEEDS, uniquePrefix } from './support';

const p = uniquePrefix('sd');
const seed = (name: string) => path.join(SEEDS, name);
const reports: Record<string, Awaited<ReturnType<typeof importPaths>>> = {};

describe('importing each seed file', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    reports.en = await importPaths([seed('001_d8e36ae96bcfd585.txt')], { slug: `${p}-chinese-language-blog`, locale: 'en' });
    reports.zh = await importPaths([seed('000_39c9e7bbf1aa9472.txt')], { slug: `${p}-chinese-language-blog`, locale: 'zh' });
    reports.card = await importPaths([seed('002_2e70cf021a90105b.txt')], { slug: `${p}-hugging-face` });
    reports.vuepress = await importPaths([seed('003_d456d16d89ab193d.txt')], { slug: `${p}-hub-intro` });
    reports.astro = await importPaths([seed('004_dbf5238c018e040b.txt')], { slug: `${p}-ai-platform` });
  }, 120_000);

  afterAll(() => removeImported(p));

  it('imports all five without a failure', () => {
    for (const [name, run] of Object.entries(reports)) expect([name, run.summary.failed, run.summary.imported]).toEqual([name, 0, 1]);
    expect(reports.astro?.reports[0]?.warnings).toEqual(['no language given: read as zh from its script (pass --locale to choose)']);
  });

  it('pairs the Hugging Face announcement (001, 000) as one post in two languages', async () => {
    const en = await getPublishedPost(`${p}-chinese-language-blog`, 'en');
    const zh = await getPublishedPost(`${p}-chinese-language-blog`, 'zh');
    if (en.kind !== 'found' || zh.kind !== 'found') throw new Error('expected both languages');
    expect(en.post.title).toBe('Introducing HuggingFace blog for Chinese speakers: Fostering Collaboration with the Chinese AI community');
    expect(en.post.forceLinkToOtherLanguage).toBe(true);
    expect(en.post.authors.map((a) => [a.handle, a.isGuest])).toEqual([
      ['xianbao', false],
      ['adinayakefu', false],
      ['chenglu', true],
    ]);
    expect(en.post.html).not.toContain('<h1');
    expect(zh.post.isTranslation).toBe(true);
    expect(zh.post.isBehindSource).toBe(false);
    expect(zh.post.alternates.map((a) => a.locale)).toEqual(['en']);
  });

  it('turns the directory card (002) into a directory entry', async () => {
    const entry = await db.directoryEntry.findUnique({ where: { slug: `${p}-hugging-face` }, select: { name: true, url: true, info: true, tags: true, html: true } });
    expect(entry).toMatchObject({ name: 'Hugging Face', url: 'https://huggingface.com', tags: ['AI社区', '开源模型', '机器学习', '数据科学', '开发者工具'] });
    expect(entry?.html).toContain('<h3 id="核心功能平台">');
  });

  it('reads VuePress (003) as Chinese with its description as summary', async () => {
    const zh = await getPublishedPost(`${p}-hub-intro`, 'zh');
    if (zh.kind !== 'found') throw new Error(zh.kind);
    expect(zh.post).toMatchObject({ sourceLocale: 'zh', isTranslation: false, summary: 'Hugging Face是什么？Hugging Face有什么用？Hugging Face Hub:大模型的参数中心' });
  });

  it('keeps the Astro post’s (004) canonical URL, date, author, image and tags', async () => {
    const zh = await getPublishedPost(`${p}-ai-platform`, 'zh');
    if (zh.kind !== 'found') throw new Error(zh.kind);
    expect(zh.post.canonicalUrl).toBe('https://luka2chat.com/zh/hugging-face-ai-platform-revolution');
    expect(zh.post.publishedAt).toBe('2025-07-25T00:00:00.000Z');
    expect(zh.post.authors.map((a) => a.handle)).toEqual(['luka2chat']);
    expect(zh.post.thumbnail).toMatch(/^https:\/\/images\.unsplash\.com\//);
    expect(zh.post.tags.map((t) => t.slug).sort()).toEqual(['ai', 'ai-machine-learning', 'hugging-face', 'machine-learning', 'nlp', 'open-source', 'transformers']);
    expect(zh.post.html).toContain('<code class="hljs language-python">');
  });
});
