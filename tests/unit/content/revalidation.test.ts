import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The importer writes straight to the database and purges no cache: an import shows up on a
// running portal within a minute only because these pages revalidate every 60 s or render per
// request. If one of them changes, lib/dal/import.ts must start revalidating it.
const source = (file: string) => readFileSync(path.join(process.cwd(), 'app', file), 'utf8');

describe('pages an import must reach within a minute', () => {
  it('revalidates post pages, the blog listing, the home page, feeds and the sitemap every 60 s at most', () => {
    for (const file of [
      '[locale]/(public)/blog/[slug]/page.tsx',
      '[locale]/(public)/blog/page.tsx',
      '[locale]/(public)/blog-pages/[page]/page.tsx',
      '[locale]/(public)/page.tsx',
      'feed/[locale]/rss.xml/route.ts',
      'feed/[locale]/atom.xml/route.ts',
      'sitemap.ts',
    ]) {
      const match = /export const revalidate = (\d+);/.exec(source(file));
      expect(match, file).not.toBeNull();
      expect(Number(match![1]), file).toBeLessThanOrEqual(60);
    }
  });

  it('renders the tag and author listings per request', () => {
    for (const file of ['[locale]/(public)/tags/[tag]/page.tsx', '[locale]/(public)/authors/[handle]/page.tsx']) {
      expect(source(file), file).toContain('await searchParams');
    }
  });
});
