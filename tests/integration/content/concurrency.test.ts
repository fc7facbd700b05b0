// Two imports of the same folder at once (two operators, or a retried job): every row is written
// once. The advisory lock on each slug makes the second see the first's write.
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { byPath, importPaths, prefixedFixture, removeImported, uniquePrefix } from './support';

describe('importing the same folder twice at once', { timeout: 60_000 }, () => {
  const prefixes: string[] = [];
  afterAll(() => Promise.all(prefixes.map(removeImported)));

  it('duplicates nothing, and each language version is written by one of the two', async () => {
    const p = uniquePrefix('cc');
    prefixes.push(p);
    const folder = prefixedFixture(p);
    const [a, b] = await Promise.all([importPaths([folder], { concurrency: 4 }), importPaths([folder], { concurrency: 4 })]);

    const ra = byPath(a.reports, p);
    const rb = byPath(b.reports, p);
    const posts = ['hello-world.md', 'zh/hello-world.md', 'typo-translator.md', 'zh/typo-translator.md', 'zh/orphan-translation.md', 'bom-post.md', 'crlf-post.md', 'old-post.md', 'duplicate-slug.markdown'];
    for (const file of posts) expect([file, [ra[file]?.outcome, rb[file]?.outcome].sort()]).toEqual([file, ['imported', 'unchanged']]);
    for (const file of ['_events.yml', 'zh/_events.yml', '_directory/hugging-face-hub.md']) {
      expect([ra[file]?.outcome, rb[file]?.outcome]).not.toContain('failed');
    }

    const where = { post: { slug: { startsWith: `${p}-` } } };
    expect(await db.post.count({ where: { slug: { startsWith: `${p}-` } } })).toBe(7);
    expect(await db.postLocalization.count({ where })).toBe(9);
    expect(await db.sourceRevision.count({ where })).toBe(7);
    // hello-world has three authors; the orphan translation none; the rest one each.
    expect(await db.postAuthor.count({ where })).toBe(8);
    expect(await db.localizationCredit.count({ where: { localization: where } })).toBe(4);
    expect(await db.event.count({ where: { slug: { startsWith: `${p}-` } } })).toBe(5);
    expect(await db.eventLocalization.count({ where: { event: { slug: { startsWith: `${p}-` } } } })).toBe(6);
    expect(await db.directoryEntry.count({ where: { slug: { startsWith: `${p}-` } } })).toBe(1);
    for (const handle of ['linqiao', 'zhangwei', 'mayachen']) expect(await db.author.count({ where: { handle } })).toBe(1);
  });
});
