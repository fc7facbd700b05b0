// A changed original updates the post and leaves the translations made from the old text behind
// it; a re-imported translation made from the new text catches up.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getPublishedPost } from '@/lib/dal/posts';
import { byPath, importPaths, prefixedFixture, removeImported, uniquePrefix } from './support';

const edit = (file: string, from: string, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));

describe('a translation made stale by a changed original', { timeout: 60_000 }, () => {
  const prefixes: string[] = [];
  afterAll(() => Promise.all(prefixes.map(removeImported)));

  it('is marked behind, reported, and caught up by a new translation', async () => {
    const p = uniquePrefix('st');
    prefixes.push(p);
    const folder = prefixedFixture(p);
    await importPaths([folder]);
    const slug = `${p}-hello-world`;
    const behind = async () => {
      const zh = await getPublishedPost(slug, 'zh');
      if (zh.kind !== 'found') throw new Error(zh.kind);
      return zh.post.isBehindSource;
    };
    expect(await behind()).toBe(false);

    edit(path.join(folder, `${slug}.md`), 'A short guide to fine-tuning', 'A short, revised guide to fine-tuning');
    const changed = byPath((await importPaths([folder])).reports, p);
    expect(changed['hello-world.md']).toMatchObject({ outcome: 'updated', detail: '1 translation (zh) now behind this original' });
    expect(changed['zh/hello-world.md']).toMatchObject({ outcome: 'unchanged', detail: 'its original changed: now marked behind it' });
    expect(changed['typo-translator.md']?.outcome).toBe('unchanged');
    expect(await behind()).toBe(true);
    const en = await getPublishedPost(slug, 'en');
    expect(en.kind === 'found' && en.post.html).toContain('A short, revised guide');
    expect(await db.sourceRevision.count({ where: { post: { slug } } })).toBe(2);

    edit(path.join(folder, 'zh', `${slug}.md`), '一篇在单张', '一篇经过修订的、在单张');
    const caughtUp = byPath((await importPaths([folder])).reports, p);
    expect(caughtUp['zh/hello-world.md']?.outcome).toBe('updated');
    expect(caughtUp['hello-world.md']?.outcome).toBe('unchanged');
    expect(await behind()).toBe(false);
  });

  it('does not make a translation behind when only the original’s index entry changes', async () => {
    const p = uniquePrefix('sx');
    prefixes.push(p);
    const folder = prefixedFixture(p);
    await importPaths([folder]);
    edit(path.join(folder, '_blog.yml'), 'date: February 3, 2026', 'date: February 4, 2026');
    const r = byPath((await importPaths([folder])).reports, p);
    expect(r['hello-world.md']).toMatchObject({ outcome: 'updated', detail: undefined });
    const zh = await getPublishedPost(`${p}-hello-world`, 'zh');
    expect(zh.kind === 'found' && zh.post.isBehindSource).toBe(false);
    const post = await db.post.findUnique({ where: { slug: `${p}-hello-world` }, select: { publishedAt: true } });
    expect(post?.publishedAt?.toISOString()).toBe('2026-02-04T00:00:00.000Z');
  });
});
