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

  // Each of these passed a check of the raw string and normalized to `//evil.example…`, which a
  // browser reads as another host.
  it('refuses paths that leave the site once normalized or decoded', () => {
    for (const raw of [
      '/.//evil.example/phish',
      '/..//evil.example',
      '/%2e//evil.example',
      '/%2E%2E//evil.example',
      '/.%2e//evil.example',
      '/en/..//evil.example',
      '/en/%2e%2e//evil.example',
      '/%2F%2Fevil.example',
      '/%2f/evil.example',
      '/%5Cevil.example',
      '/%2e%2e%2f%2fevil.example',
      '/%09/evil.example',
      '/%0a/evil.example',
      '\\\\evil.example',
      '/\\evil.example',
      '/\t//evil.example',
      '/\r\n//evil.example',
      '\t//evil.example',
      '/en/account\n',
    ]) {
      expect(safeCallbackPath(raw, FALLBACK), JSON.stringify(raw)).toBe(FALLBACK);
      expect(safeCallbackPath(raw, FALLBACK, 'https://qiao.example'), JSON.stringify(raw)).toBe(FALLBACK);
    }
    for (const raw of ['https://qiao.example/.//evil.example/phish', 'https://qiao.example//evil.example', 'https://qiao.example/en/..//evil.example']) {
      expect(safeCallbackPath(raw, FALLBACK, 'https://qiao.example'), raw).toBe(FALLBACK);
    }
  });

  it('keeps encoded text in a path on this site as it was', () => {
    expect(safeCallbackPath('/zh/tags/%E5%BE%AE%E8%B0%83?q=a%2Fb', FALLBACK)).toBe('/zh/tags/%E5%BE%AE%E8%B0%83?q=a%2Fb');
    expect(safeCallbackPath('/en/./account', FALLBACK)).toBe('/en/account');
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
