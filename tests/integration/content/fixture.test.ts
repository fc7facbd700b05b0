// The messy fixture folder (tests/fixtures/hf-blog) imported into PostgreSQL: what readers see
// afterwards, what a second import does (nothing), and a post that fails halfway (rolled back).
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getPublishedPost } from '@/lib/dal/posts';
import { byPath, importPaths, prefixedFixture, removeImported, uniquePrefix } from './support';

const p = uniquePrefix('fx');
let folder: string;
let first: Awaited<ReturnType<typeof importPaths>>;

async function snapshot() {
  const posts = await db.post.findMany({
    where: { slug: { startsWith: `${p}-` } },
    select: { slug: true, updatedAt: true, localizations: { select: { locale: true, version: true, updatedAt: true } }, _count: { select: { revisions: true } } },
    orderBy: { slug: 'asc' },
  });
  const events = await db.event.findMany({ where: { slug: { startsWith: `${p}-` } }, select: { slug: true, sequence: true, updatedAt: true }, orderBy: { slug: 'asc' } });
  return { posts, events };
}

describe('importing the messy fixture folder', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    folder = prefixedFixture(p);
    first = await importPaths([folder]);
  }, 120_000);

  afterAll(() => removeImported(p));

  it('reports each file once: the bad ones failed with a reason, the others imported', () => {
    const r = byPath(first.reports, p);
    // Tags and people are shared with other tests, so their files may find them already there,
    // with the same values or with others.
    const shared = ['_authors.yml', '_tags.yml', 'zh/_tags.yml'];
    expect(first.summary).toMatchObject({ files: 21, warned: 7, failed: 4 });
    for (const [file, report] of Object.entries(r)) {
      if (report.outcome === 'failed') continue;
      expect([file, report.outcome]).toEqual([file, shared.includes(file) ? expect.stringMatching(/^(imported|updated|unchanged)$/) : 'imported']);
    }
    expect(r['bad-yaml.md']?.detail).toMatch(/^bad YAML in front matter/);
    expect(r['no-title.md']?.detail).toBe('missing title: neither the front matter nor _blog.yml gives one');
    expect(r['latin1-post.md']?.detail).toMatch(/^not UTF-8 text/);
    expect(r['zh/typo-translator.md']?.warnings).toEqual(['"translator:" read as "translators:"']);
  });

  it('publishes the post with its translation, credits, tags and sanitized HTML', async () => {
    const en = await getPublishedPost(`${p}-hello-world`, 'en');
    if (en.kind !== 'found') throw new Error(`expected the post, got ${en.kind}`);
    expect(en.post.title).toBe('Hello, World: Fine-Tuning on One GPU');
    expect(en.post.forceLinkToOtherLanguage).toBe(true);
    expect(en.post.authors.map((a) => [a.handle, a.isGuest, a.proofreader])).toEqual([
      ['linqiao', false, false],
      ['mayachen', true, false],
      ['wangfang', false, true],
    ]);
    expect(en.post.authors[1]?.displayName).toBe('Maya Chen');
    expect([...en.post.tags].sort((a, b) => a.slug.localeCompare(b.slug))).toEqual([
      { slug: 'fine-tuning', label: 'Fine-tuning' },
      { slug: 'guide', label: 'Guide' },
    ]);
    expect(en.post.html).toContain('<table>');
    expect(en.post.html).toContain('hljs language-python');
    expect(en.post.html).toContain('<iframe src="https://www.youtube.com/embed/abc123"');
    expect(en.post.html).not.toContain('<script');
    // The title heading is not repeated in the page, though the stored body keeps it.
    expect(en.post.html).not.toContain('<h1');
    expect(en.post.toc.map((t) => t.text)).toEqual(['What you need']);
    expect(en.post.publishedAt).toBe('2026-02-03T00:00:00.000Z');
    const org = await db.postAuthor.findFirst({ where: { post: { slug: `${p}-hello-world` }, author: { handle: 'mayachen' } }, select: { organization: true } });
    expect(org?.organization).toBe('qiao-community');

    const zh = await getPublishedPost(`${p}-hello-world`, 'zh');
    if (zh.kind !== 'found') throw new Error(`expected the translation, got ${zh.kind}`);
    expect(zh.post.translators.map((a) => a.handle)).toEqual(['zhangwei']);
    expect(zh.post.proofreaders.map((a) => a.handle)).toEqual(['liuyang']);
    expect(zh.post.isBehindSource).toBe(false);
    expect(zh.post.tags.map((t) => t.label).sort()).toEqual(['微调', '教程'].sort());
  });

  it('imports the messy-but-readable files and leaves no trace of the failed ones', async () => {
    const typo = await getPublishedPost(`${p}-typo-translator`, 'zh');
    expect(typo.kind === 'found' && typo.post.translators.map((a) => a.handle)).toEqual(['zhangwei']);
    const orphan = await getPublishedPost(`${p}-orphan-translation`, 'en');
    expect(orphan).toEqual({ kind: 'untranslated', title: '没有原文的译文', locale: 'zh' });
    const crlf = await db.postLocalization.findFirst({ where: { post: { slug: `${p}-crlf-post` } }, select: { body: true } });
    expect(crlf?.body).toBe('\nEvery line of this file ends in CR LF.\n\n## A heading\n\nAnd a paragraph.\n');
    const dup = await getPublishedPost(`${p}-duplicate-slug`, 'en');
    expect(dup.kind === 'found' && dup.post.title).toBe('The First of Two Files With One Slug');
    for (const slug of ['bad-yaml', 'no-title', 'latin1-post', 'ghost-post']) {
      expect(await db.post.count({ where: { slug: `${p}-${slug}` } })).toBe(0);
    }
  });

  it('imports events in both languages, and the directory card', async () => {
    const sprint = await db.event.findUnique({
      where: { slug: `${p}-qiao-community-sprint-beijing` },
      select: { type: true, status: true, timeZone: true, startsAt: true, endsAt: true, registrationUrl: true, localizations: { select: { locale: true, title: true, html: true }, orderBy: { locale: 'asc' } } },
    });
    expect(sprint).toMatchObject({
      type: 'HACKATHON',
      status: 'PUBLISHED',
      timeZone: 'Asia/Shanghai',
      startsAt: new Date('2026-04-17T16:00:00Z'),
      endsAt: new Date('2026-04-20T15:59:00Z'),
      registrationUrl: `https://example.org/events/${p}/sprint-beijing`,
    });
    expect(sprint?.localizations.map((l) => l.locale)).toEqual(['en', 'zh']);
    expect(sprint?.localizations[0]?.html).toContain('<strong>pairing</strong>');
    expect(await db.event.count({ where: { slug: { startsWith: `${p}-` } } })).toBe(5);
    const card = await db.directoryEntry.findUnique({ where: { slug: `${p}-hugging-face-hub` }, select: { name: true, tags: true, html: true } });
    expect(card).toMatchObject({ name: 'Hugging Face Hub', tags: ['AI社区', '开源模型'] });
    expect(card?.html).toContain('<p>');
  });

  it('reports every file unchanged on a second import, and writes nothing', async () => {
    const before = await snapshot();
    const again = await importPaths([folder]);
    expect(again.summary).toMatchObject({ imported: 0, updated: 0, unchanged: 17, failed: 4 });
    expect(await snapshot()).toEqual(before);
  });

  it('never leaves half a post: a write that fails midway leaves nothing behind', async () => {
    // A btree index entry cannot exceed ~2.7 kB (after compression, hence random text): the
    // author row fails after the post row and its tags were written in the same transaction.
    const handle = randomBytes(6000).toString('base64url');
    writeFileSync(path.join(folder, `${p}-half-written.md`), `---\ntitle: Half\nauthors:\n- user: ${handle}\n---\n\nBody.\n`);
    const run = await importPaths([folder]);
    expect(byPath(run.reports, p)['half-written.md']).toMatchObject({ outcome: 'failed' });
    expect(await db.post.count({ where: { slug: `${p}-half-written` } })).toBe(0);
    expect(run.summary.unchanged).toBe(17);
  });
});
