import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport, UsageError } from '@/lib/content/import/run-import';
import type { FileReport } from '@/lib/content/import/types';
import { memorySink } from './memory-sink';

const FIXTURE = path.join(process.cwd(), 'tests', 'fixtures', 'hf-blog');
const SEEDS = path.join(process.cwd(), 'tests', 'fixtures', 'seeds');

function byPath(reports: FileReport[]) {
  return Object.fromEntries(reports.map((r) => [r.path, r]));
}

describe('importing the messy fixture folder', () => {
  it('gives every file one report, fails the bad ones and imports the rest', async () => {
    const sink = memorySink();
    const { reports, summary } = await runImport([FIXTURE], sink);
    const r = byPath(reports);
    expect(reports.map((x) => x.path).sort()).toEqual(
      [
        '_authors.yml', '_blog.yml', '_directory/hugging-face-hub.md', '_events.yml', '_tags.yml',
        'bad-yaml.md', 'bom-post.md', 'crlf-post.md', 'duplicate-slug.markdown', 'duplicate-slug.md',
        'hello-world.md', 'latin1-post.md', 'no-title.md', 'old-post.md', 'typo-translator.md',
        'zh/_blog.yml', 'zh/_events.yml', 'zh/_tags.yml', 'zh/hello-world.md', 'zh/orphan-translation.md', 'zh/typo-translator.md',
      ].sort(),
    );
    expect(r['bad-yaml.md']).toMatchObject({ outcome: 'failed', detail: expect.stringMatching(/^bad YAML in front matter: /) });
    expect(r['no-title.md']).toMatchObject({ outcome: 'failed', detail: 'missing title: neither the front matter nor _blog.yml gives one' });
    expect(r['latin1-post.md']).toMatchObject({ outcome: 'failed', detail: expect.stringMatching(/^not UTF-8 text/) });
    expect(r['duplicate-slug.md']).toMatchObject({ outcome: 'failed', detail: 'duplicate slug "duplicate-slug": duplicate-slug.markdown has it already' });
    expect(r['bom-post.md']).toMatchObject({ outcome: 'imported', warnings: ['byte-order mark removed', 'ignored unknown front-matter key "layout:"'] });
    expect(r['crlf-post.md']).toMatchObject({ outcome: 'imported', warnings: ['Windows (CRLF) line endings converted to LF'] });
    expect(r['zh/typo-translator.md']).toMatchObject({ outcome: 'imported', warnings: ['"translator:" read as "translators:"'] });
    expect(r['zh/orphan-translation.md']).toMatchObject({ outcome: 'imported', warnings: ['no original orphan-translation.md: imported as a post in zh'] });
    expect(r['_blog.yml']?.warnings.join(' ')).toContain('an entry names no file: ghost-post');
    expect(r['_events.yml']).toMatchObject({ outcome: 'imported', detail: '4 events' });
    expect(summary).toEqual({ files: 21, imported: 17, updated: 0, unchanged: 0, warned: 7, failed: 4 });

    const hello = sink.posts.get('hello-world')!;
    expect(hello.localizations.map((l) => l.locale)).toEqual(['en', 'zh']);
    expect(hello.authors).toEqual([
      { handle: 'linqiao', proofreader: false, organization: null },
      { handle: 'mayachen', isGuest: true, proofreader: false, organization: 'qiao-community' },
      { handle: 'wangfang', proofreader: true, organization: null },
    ]);
    expect(hello.tags.map((t) => t.slug)).toEqual(['guide', 'fine-tuning']);
    expect(hello.publishedAt?.toISOString()).toBe('2026-02-03T00:00:00.000Z');
    expect(hello.localizations[1]).toMatchObject({ translators: [{ handle: 'zhangwei' }], proofreaders: [{ handle: 'liuyang' }] });
    expect(hello.localizations[1]?.publishedAt?.toISOString()).toBe('2026-02-10T00:00:00.000Z');
    expect(sink.posts.get('orphan-translation')?.sourceLocale).toBe('zh');
    expect(sink.tags.get('guide')).toEqual({ en: 'Guide', zh: '教程' });
  });

  it('reports every file unchanged on a second import, and writes nothing', async () => {
    const sink = memorySink();
    await runImport([FIXTURE], sink);
    const writes = sink.writes;
    const { reports, summary } = await runImport([FIXTURE], sink);
    expect(sink.writes).toBe(writes);
    expect(summary).toMatchObject({ imported: 0, updated: 0, failed: 4 });
    expect(reports.filter((r) => r.outcome !== 'failed').every((r) => r.outcome === 'unchanged')).toBe(true);
  });

  it('marks translations behind when their original changes, and writes nothing in a dry run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qiao-fixture-'));
    cpSync(FIXTURE, dir, { recursive: true });
    const sink = memorySink();
    await runImport([dir], sink);
    const file = path.join(dir, 'hello-world.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('A short guide', 'A revised guide'));

    const dry = await runImport([dir], sink, { dryRun: true });
    expect(byPath(dry.reports)['hello-world.md']?.outcome).toBe('updated');
    const again = await runImport([dir], sink);
    const r = byPath(again.reports);
    expect(r['hello-world.md']).toMatchObject({ outcome: 'updated', detail: '1 translation (zh) now behind this original' });
    expect(r['zh/hello-world.md']).toMatchObject({ outcome: 'unchanged', detail: 'its original changed: now marked behind it' });
  });

  it('fails a file over 2 MB without stopping the others', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qiao-fixture-'));
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(path.join(dir, 'too-big.md'), `---\ntitle: Big\n---\n${'word '.repeat(450_000)}`);
    const { reports } = await runImport([dir], memorySink());
    expect(byPath(reports)['too-big.md']).toMatchObject({ outcome: 'failed', detail: 'file is 2.1 MB, over the 2.0 MB limit' });
    expect(byPath(reports)['hello-world.md']?.outcome).toBe('imported');
  });
});

describe('importing single files', () => {
  it('imports each seed, pairing the Chinese announcement with its English original by slug', async () => {
    const sink = memorySink();
    const seedFile = (name: string) => path.join(SEEDS, name);
    const en = await runImport([seedFile('001_d8e36ae96bcfd585.txt')], sink, { slug: 'chinese-language-blog', locale: 'en' });
    expect(en.reports[0]).toMatchObject({ outcome: 'imported', detail: 'post "chinese-language-blog" (en)', warnings: [] });
    const zh = await runImport([seedFile('000_39c9e7bbf1aa9472.txt')], sink, { slug: 'chinese-language-blog', locale: 'zh' });
    expect(zh.reports[0]).toMatchObject({ outcome: 'imported', detail: 'translation (zh) of "chinese-language-blog"' });
    expect(sink.posts.get('chinese-language-blog')?.sourceLocale).toBe('en');

    const card = await runImport([seedFile('002_2e70cf021a90105b.txt')], sink);
    expect(card.reports[0]).toMatchObject({ outcome: 'imported', detail: 'directory entry "002_2e70cf021a90105b"' });
    const vue = await runImport([seedFile('003_d456d16d89ab193d.txt')], sink, { slug: 'hub-intro' });
    expect(vue.reports[0]).toMatchObject({ outcome: 'imported', detail: 'post "hub-intro" (zh)', warnings: [] });
    const astro = await runImport([seedFile('004_dbf5238c018e040b.txt')], sink);
    expect(astro.reports[0]?.warnings).toEqual(['no language given: read as zh from its script (pass --locale to choose)']);
    expect(sink.posts.get('004_dbf5238c018e040b')?.canonicalUrl).toBe('https://luka2chat.com/zh/hugging-face-ai-platform-revolution');
  });

  it('refuses --slug with a folder or several files, and names a missing path', async () => {
    await expect(runImport([FIXTURE], memorySink(), { slug: 'x' })).rejects.toThrow(UsageError);
    await expect(runImport([FIXTURE], memorySink(), { locale: 'klingon' })).rejects.toThrow(UsageError);
    const { reports } = await runImport([path.join(FIXTURE, 'no-such-file.md')], memorySink());
    expect(reports[0]).toMatchObject({ outcome: 'failed', detail: 'no such file or folder' });
  });
});
