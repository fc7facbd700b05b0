import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, type PostDocument } from '@/lib/content/import/parse-document';
import { decodeSource } from '@/lib/content/import/read-source';

const SEEDS = path.join(process.cwd(), 'tests', 'fixtures', 'seeds');
const seed = (name: string) => parseDocument(decodeSource(readFileSync(path.join(SEEDS, name))).text);
const post = (text: string): PostDocument => {
  const parsed = parseDocument(text);
  if (parsed.kind !== 'post') throw new Error('expected a post');
  return parsed.post;
};

describe('the four front-matter dialects of the seeds', () => {
  it('reads the Hugging Face dialect: authors, guest, forceLinkToOtherLanguage: on', () => {
    const zh = seed('000_39c9e7bbf1aa9472.txt');
    expect(zh.kind).toBe('post');
    if (zh.kind !== 'post') return;
    expect(zh.post.title).toBe('Hugging Face 中文博客正式发布！');
    expect(zh.post.thumbnail).toBe('/blog/assets/chinese-language-blog/thumbnail.png');
    expect(zh.post.forceLinkToOtherLanguage).toBe(true);
    expect(zh.post.authors.map((a) => [a.handle, a.isGuest ?? false])).toEqual([
      ['xianbao', false],
      ['AdinaY', false],
      ['chenglu', true],
    ]);
    expect(zh.post.locale).toBeNull();
    // The body is kept byte for byte, title heading included: export writes it back unchanged.
    expect(zh.post.body.startsWith('\n# Hugging Face 中文博客正式发布！\n')).toBe(true);
    expect(zh.post.warnings).toEqual([]);
  });

  it('reads a directory card as a directory entry, not a post', () => {
    const card = seed('002_2e70cf021a90105b.txt');
    expect(card.kind).toBe('directory');
    if (card.kind !== 'directory') return;
    expect(card.card).toEqual({
      name: 'Hugging Face',
      url: 'https://huggingface.com',
      info: '全球领先的开源机器学习社区与平台，提供模型共享、数据集托管及AI应用开发工具链',
      tags: ['AI社区', '开源模型', '机器学习', '数据科学', '开发者工具'],
    });
    expect(card.body).toContain('### 核心功能平台');
  });

  it('reads VuePress: lang zh-CN is Chinese, description is the summary', () => {
    const vue = seed('003_d456d16d89ab193d.txt');
    if (vue.kind !== 'post') throw new Error('expected a post');
    expect(vue.post.locale).toBe('zh');
    expect(vue.post.title).toBe('Hugging Face Hub介绍');
    expect(vue.post.summary).toBe('Hugging Face是什么？Hugging Face有什么用？Hugging Face Hub:大模型的参数中心');
  });

  it('reads Astro: publishDate, author, excerpt, image, category and tags, canonical kept', () => {
    const astro = seed('004_dbf5238c018e040b.txt');
    if (astro.kind !== 'post') throw new Error('expected a post');
    const p = astro.post;
    expect(p.publishedAt?.toISOString()).toBe('2025-07-25T00:00:00.000Z');
    expect(p.authors.map((a) => a.handle)).toEqual(['luka2chat']);
    expect(p.summary).toMatch(/^探索Hugging Face如何成为/);
    expect(p.thumbnail).toMatch(/^https:\/\/images\.unsplash\.com\//);
    expect(p.canonicalUrl).toBe('https://luka2chat.com/zh/hugging-face-ai-platform-revolution');
    expect(p.tags).toEqual(['AI & Machine Learning', 'hugging face', 'ai', 'machine learning', 'transformers', 'nlp', 'open source']);
  });
});

describe('messy front matter', () => {
  it('reads a misspelt "translator:" as translators, and says so', () => {
    const p = post('---\ntitle: T\ntranslator:\n- user: zhangwei\n- user: wangfang\n  proofreader: true\n---\nbody\n');
    expect(p.translators.map((t) => t.handle)).toEqual(['zhangwei']);
    expect(p.proofreaders.map((t) => t.handle)).toEqual(['wangfang']);
    expect(p.warnings).toEqual(['"translator:" read as "translators:"']);
  });

  it('treats on, yes and true alike, and a lone author written without a list', () => {
    for (const value of ['on', 'yes', 'true', 'True']) expect(post(`---\ntitle: T\nforceLinkToOtherLanguage: ${value}\n---\n`).forceLinkToOtherLanguage).toBe(true);
    expect(post('---\ntitle: T\nforceLinkToOtherLanguage: off\n---\n').forceLinkToOtherLanguage).toBe(false);
    expect(post('---\ntitle: 2024\nauthors: ada\n---\n')).toMatchObject({ title: '2024', authors: [{ handle: 'ada' }] });
  });

  it('reports keys it does not know, and dates it cannot read, without failing', () => {
    const p = post('---\ntitle: T\nlayout: post\ndate: someday\n---\n');
    expect(p.warnings).toEqual(['ignored unknown front-matter key "layout:"', 'date "someday" not understood; ignored']);
  });

  it('fails bad YAML, unclosed front matter and wrong types with a reason', () => {
    expect(() => parseDocument('---\ntitle: "unclosed\n---\n')).toThrow(/^bad YAML in front matter: /);
    expect(() => parseDocument('---\ntitle: T\nbody without a closing fence\n')).toThrow('front matter opened with "---" is never closed');
    expect(() => parseDocument('---\ntitle: T\nauthors:\n- user: [a, b]\n---\n')).toThrow(/^front matter "authors\.0\.user"/);
    expect(() => parseDocument('---\n- a list\n---\n')).toThrow(/not a mapping/);
    expect(() => parseDocument('---\nname: X\nurl: ftp://example.org\n---\n')).toThrow(/^directory card: "url" is not an http\(s\) URL/);
  });
});

describe('values that become links on the site', () => {
  it('keeps only http(s) canonical URLs, and user names that can be a URL path', () => {
    const p = post('---\ntitle: T\nmetadata:\n  canonical: javascript:alert(1)\n---\n');
    expect(p.canonicalUrl).toBeNull();
    expect(p.warnings).toEqual(['canonical URL "javascript:alert(1)" is not an http(s) address; ignored']);
    expect(() => parseDocument('---\ntitle: T\nauthors:\n- user: ../admin\n---\n')).toThrow(/"authors\.0\.user" is not a user name/);
    // Astro may name an author by name rather than handle.
    expect(post('---\ntitle: T\nauthor: Jane Doe\n---\n').authors).toEqual([{ handle: 'jane-doe', displayName: 'Jane Doe', proofreader: false, organization: null }]);
  });
});
