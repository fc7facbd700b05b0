import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isUnreadableUrl } from '@/lib/request-url';
import { failedOnNul, fieldsWithNul, NUL_CHARACTER, withoutNul } from '@/lib/validations/text';

const unreadable = (path: string) => isUnreadableUrl(new URL(path, 'http://qiao.test'));

describe('addresses no page can answer', () => {
  it('refuses a NUL in the path or the query, and a NUL encoded twice in the path', () => {
    expect(unreadable('/en/search?q=a%00b')).toBe(true);
    expect(unreadable('/en/blog/a%00b.png')).toBe(true);
    expect(unreadable('/en/tags/a%2500')).toBe(true);
    expect(unreadable('/en/tags/a%252500')).toBe(true);
  });

  it('refuses a path whose escapes do not decode', () => {
    expect(unreadable('/en/blog/%E0%A4%A')).toBe(true);
    expect(unreadable('/zh/tags/%')).toBe(true);
    expect(unreadable('/api/%ZZ')).toBe(true);
    expect(unreadable('/zh/tags/..%25c0%25af..%2Fboot.ini')).toBe(true);
  });

  it('leaves ordinary addresses alone, a literal "%00" searched for included', () => {
    expect(unreadable('/en/blog/welcome-to-qiao')).toBe(false);
    expect(unreadable('/zh/search?q=%E6%A8%A1%E5%9E%8B')).toBe(false);
    expect(unreadable('/zh/search?q=%2500')).toBe(false);
    expect(unreadable('/en/search?q=%ZZ')).toBe(false);
  });
});

describe('form input with a NUL', () => {
  const schema = withoutNul(z.object({ title: z.string().min(1), blocks: z.array(z.string()) }));

  it('names each field that holds one, in strings, arrays and keys', () => {
    expect(fieldsWithNul({ a: 'x\u0000', b: ['ok', 'y\u0000'], c: 'fine', d: { 'k\u0000': 1 } })).toEqual(['a', 'b', 'd']);
    expect(fieldsWithNul('\u0000')).toEqual(['']);
    expect(fieldsWithNul({ a: 'clean' })).toEqual([]);
  });

  it('is refused with the translated message before the schema runs', () => {
    const parsed = schema.safeParse({ title: '', blocks: ['a\u0000b'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues).toEqual([expect.objectContaining({ path: ['blocks'], message: NUL_CHARACTER })]);
    expect(failedOnNul(parsed.error!)).toBe(true);
  });

  it('passes input without one to the schema as before', () => {
    expect(schema.parse({ title: 't', blocks: ['a'] })).toEqual({ title: 't', blocks: ['a'] });
    const parsed = schema.safeParse({ title: '', blocks: [] });
    expect(parsed.success).toBe(false);
    expect(failedOnNul(parsed.error!)).toBe(false);
  });
});
