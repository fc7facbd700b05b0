import { describe, expect, it } from 'vitest';
import { cachedPageRewrite, publicPath } from '@/lib/cached-pages';
import { segmentToQuery } from '@/lib/search/query-path';

const rewrite = (path: string) => {
  const target = cachedPageRewrite(new URL(path, 'http://qiao.test'));
  return target ? target.pathname + target.search : null;
};

describe('pages cached under an internal path', () => {
  it('leaves every other page alone', () => {
    expect(rewrite('/en/blog')).toBeNull();
    expect(rewrite('/zh/search')).toBeNull();
    expect(rewrite('/zh/search?q=%20%20')).toBeNull();
    expect(rewrite('/en/blog/some-post?page=2')).toBeNull();
    expect(rewrite('/fr/blog?page=2')).toBeNull();
  });

  it('keys listing pages by number, and sends malformed or far pages to one 404', () => {
    expect(rewrite('/en/blog?page=3')).toBe('/en/blog-pages/3');
    for (const page of ['abc', '-1', '01', '1001', '99999999']) expect(rewrite(`/zh/blog?page=${page}`)).toBe('/zh/blog-pages/0');
    expect(rewrite('/en/blog?untranslated=a%2Fb')).toBe('/en/blog-untranslated/a%2Fb');
  });

  it('keys a search by its query, however it was spaced', () => {
    const a = rewrite(`/zh/search?q=${encodeURIComponent(' 微调  模型 ')}`);
    expect(a).toBe(rewrite(`/zh/search?q=${encodeURIComponent('微调 模型')}`));
    const [, , , page, segment] = a!.split('/');
    expect(page).toBe('1');
    expect(segmentToQuery(segment!)).toBe('微调 模型');
    // One character past the limit survives, so that the page can say the query was cut.
    const long = rewrite(`/en/search?q=${'x'.repeat(5000)}&page=2`)!.split('/');
    expect(long[3]).toBe('2');
    expect(segmentToQuery(long[4]!)).toHaveLength(201);
  });

  it('maps each internal path back to the public page the switcher should link', () => {
    expect(publicPath('/blog-pages/3')).toBe('/blog');
    expect(publicPath('/blog-untranslated/x')).toBe('/blog');
    expect(publicPath('/search-results/1/5b6u6LCD')).toBe('/search');
    expect(publicPath('/blog/a-post')).toBe('/blog/a-post');
  });
});
