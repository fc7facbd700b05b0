import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from '@/lib/validations/auth';

const FALLBACK = '/en/translate';

describe('where sign-in may send the visitor next', () => {
  it('keeps paths on this site, with their query and fragment', () => {
    expect(safeCallbackPath('/en/account', FALLBACK)).toBe('/en/account');
    expect(safeCallbackPath('/zh/admin/users?q=ada&page=2#top', FALLBACK)).toBe('/zh/admin/users?q=ada&page=2#top');
    expect(safeCallbackPath('/en/../zh/account', FALLBACK)).toBe('/zh/account');
  });

  it('refuses anything that could leave the site', () => {
    for (const raw of [
      'https://evil.example/',
      'http://evil.example/en/account',
      '//evil.example/path',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,hi',
      'evil.example',
      'en/account',
      '',
      `/${'a'.repeat(3000)}`,
    ]) {
      expect(safeCallbackPath(raw, FALLBACK), raw).toBe(FALLBACK);
    }
  });

  it('falls back for a missing or non-string value', () => {
    expect(safeCallbackPath(undefined, FALLBACK)).toBe(FALLBACK);
    expect(safeCallbackPath(['/en/account'], FALLBACK)).toBe(FALLBACK);
    expect(safeCallbackPath(42, FALLBACK)).toBe(FALLBACK);
  });

  it('accepts an absolute URL only when it names this site', () => {
    const origin = 'https://qiao.example';
    expect(safeCallbackPath('https://qiao.example/en/account?x=1', FALLBACK, origin)).toBe('/en/account?x=1');
    expect(safeCallbackPath('https://qiao.example.evil.example/en', FALLBACK, origin)).toBe(FALLBACK);
    expect(safeCallbackPath('http://qiao.example/en', FALLBACK, origin)).toBe(FALLBACK);
    expect(safeCallbackPath('https://user@evil.example/en', FALLBACK, origin)).toBe(FALLBACK);
    expect(safeCallbackPath('https://qiao.example/en/account', FALLBACK)).toBe(FALLBACK);
  });
});
