import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport } from '@/lib/content/export/run-export';
import { blogIndexFile, postFile } from '@/lib/content/export/serialize';
import type { ExportPost, ExportSource } from '@/lib/content/export/types';
import { scalar } from '@/lib/content/export/yaml-text';
import { parseDocument } from '@/lib/content/import/parse-document';
import { runImport } from '@/lib/content/import/run-import';
import { memorySink } from './memory-sink';

const post: ExportPost = {
  slug: 'hello-world',
  sourceLocale: 'en',
  thumbnail: '/blog/assets/hello-world/thumbnail.png',
  forceLinkToOtherLanguage: true,
  canonicalUrl: 'https://example.org/first/hello-world',
  publishedAt: new Date('2026-02-03T00:00:00Z'),
  authors: [
    { handle: 'linqiao', isGuest: false, proofreader: false, organization: null },
    { handle: 'mayachen', isGuest: true, proofreader: false, organization: 'qiao-community' },
  ],
  tags: ['fine-tuning', 'guide'],
  localizations: [
    { locale: 'en', title: 'Hello: "World"', summary: 'Written by hand.', body: '\n# Hello: "World"\n\nA body.\n', publishedAt: new Date('2026-02-03T00:00:00Z'), translators: [], proofreaders: [] },
    {
      locale: 'zh',
      title: '你好，世界',
      summary: '一段正文。',
      body: '\n一段正文。\n\n第二段。\n',
      publishedAt: new Date('2026-02-10T00:00:00Z'),
      translators: [{ handle: 'zhangwei', isGuest: false }],
      proofreaders: [{ handle: 'liuyang', isGuest: false }],
    },
  ],
};

describe('export in the Hugging Face dialect', () => {
  it('writes an original’s front matter as the Hugging Face blog does, with its body byte for byte', () => {
    expect(postFile(post, post.localizations[0]!, 'en')).toBe(
      [
        '---',
        'title: "Hello: \\"World\\""',
        'thumbnail: /blog/assets/hello-world/thumbnail.png',
        'forceLinkToOtherLanguage: on',
        'authors:',
        '- user: linqiao',
        '- user: mayachen',
        '  guest: true',
        '  org: qiao-community',
        'summary: "Written by hand."',
        'canonical_url: https://example.org/first/hello-world',
        '---',
        '',
        '# Hello: "World"',
        '',
        'A body.',
        '',
      ].join('\n'),
    );
  });

  it('credits translators and proofreaders, and leaves out a summary the site would derive anyway', () => {
    const text = postFile(post, post.localizations[1]!, 'en');
    expect(text).toContain('translators:\n- user: zhangwei\n- user: liuyang\n  proofreader: true\n---\n');
    expect(text).not.toContain('summary:');
    const back = parseDocument(text);
    if (back.kind !== 'post') throw new Error('expected a post');
    expect(back.post).toMatchObject({ title: '你好，世界', body: post.localizations[1]!.body, translators: [{ handle: 'zhangwei' }], proofreaders: [{ handle: 'liuyang' }] });
  });

  it('quotes what YAML would misread, and nothing else', () => {
    expect(scalar('on')).toBe('"on"');
    expect(scalar('yes')).toBe('"yes"');
    expect(scalar('a: b')).toBe('"a: b"');
    expect(scalar('- item')).toBe('"- item"');
    expect(scalar('2024')).toBe('"2024"');
    expect(scalar('two\nlines')).toBe('"two\\nlines"');
    expect(scalar('AI社区')).toBe('AI社区');
    expect(scalar('February 14, 2020')).toBe('February 14, 2020');
  });

  it('lists _blog.yml oldest first, by day then slug', () => {
    const entry = (slug: string, iso: string) => ({ slug, title: slug, author: null, thumbnail: null, date: new Date(iso), tags: [] });
    const text = blogIndexFile([entry('b', '2026-01-02T15:00:00Z'), entry('a', '2026-01-02T01:00:00Z'), entry('c', '2025-12-31T00:00:00Z')]);
    expect(text.match(/local: \w/g)).toEqual(['local: c', 'local: a', 'local: b']);
    expect(text).toContain('  date: January 2, 2026');
  });

  it('writes a folder that imports back to the same posts', async () => {
    const source: ExportSource = {
      async *posts() {
        yield post;
      },
      events: async () => [],
      tags: async () => [{ slug: 'guide', labels: { en: 'Guide', zh: '教程' } }],
      authors: async (handles) => handles.map((handle) => ({ handle, displayName: handle.toUpperCase(), isGuest: handle === 'mayachen', isOrg: false, bio: null })),
      directory: async () => [],
    };
    const dir = mkdtempSync(path.join(tmpdir(), 'qiao-export-'));
    const result = await runExport(dir, source);
    expect(result).toEqual({ files: 7, posts: 1, translations: 1, events: 0, directoryEntries: 0 });
    expect(readFileSync(path.join(dir, 'zh', '_tags.yml'), 'utf8')).toBe('- value: guide\n  label: 教程\n');

    const sink = memorySink();
    const { summary } = await runImport([dir], sink);
    expect(summary).toMatchObject({ failed: 0, warned: 0 });
    const back = sink.posts.get('hello-world')!;
    expect(back).toMatchObject({ sourceLocale: 'en', thumbnail: post.thumbnail, forceLinkToOtherLanguage: true, canonicalUrl: post.canonicalUrl });
    expect(back.publishedAt?.toISOString()).toBe('2026-02-03T00:00:00.000Z');
    expect(back.tags.map((t) => t.slug)).toEqual(['fine-tuning', 'guide']);
    expect(back.localizations.map((l) => [l.locale, l.title, l.body, l.summary])).toEqual([
      ['en', 'Hello: "World"', post.localizations[0]!.body, 'Written by hand.'],
      ['zh', '你好，世界', post.localizations[1]!.body, null],
    ]);
    expect(sink.authors.get('mayachen')).toMatchObject({ displayName: 'MAYACHEN', isGuest: true });
  });
});
