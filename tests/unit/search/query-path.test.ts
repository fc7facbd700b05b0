import { describe, expect, it } from 'vitest';
import { queryToSegment, segmentToQuery } from '@/lib/search/query-path';

describe('a search query as a path segment', () => {
  it.each(['微调', 'diffusion models', 'a/b?c=d&e#f', '  spaced  ', '😀 emoji', '%2F..%2F', ''])('round-trips %j using only URL-safe characters', (query) => {
    const segment = queryToSegment(query);
    expect(segment).toMatch(/^[A-Za-z0-9_-]*$/);
    expect(segmentToQuery(segment)).toBe(query);
  });

  it('refuses segments it did not make', () => {
    expect(segmentToQuery('not base64!')).toBeNull();
    expect(segmentToQuery('..%2F')).toBeNull();
    // Valid base64 of bytes that are not UTF-8.
    expect(segmentToQuery('_w')).toBeNull();
  });
});
