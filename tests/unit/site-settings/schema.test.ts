import { describe, expect, it } from 'vitest';
import { isFooterLinkUrl, siteSettingsFormSchema, siteSettingsValueSchema } from '@/lib/validations/site-settings';
import { linkRowCount, MAX_FOOTER_LINKS, moveLinkRow, parseMove, settingsToValues } from '@/lib/site-settings/fields';
import { defaultSiteSettings } from '@/lib/site-settings/defaults';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

const base = { locale: 'zh', version: '3', title: '桥', tagline: '连接中英文开源 AI 社区的桥梁' };

function errorsOf(fields: Record<string, string>) {
  const parsed = siteSettingsFormSchema.safeParse({ ...base, ...fields });
  if (parsed.success) return null;
  const out: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (out[String(issue.path[0])] ??= []).push(issue.message);
  return out;
}

describe('footer link addresses', () => {
  it.each(['https://huggingface.co/blog', 'HTTPS://Example.org/a?b=c#d', '/zh/channels', '/feed/zh/rss.xml', '/', '/a/b?c=d#e'])('accepts %s', (url) => {
    expect(isFooterLinkUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://example.com',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'https://user:pass@example.com',
    'ftp://example.com',
    'mailto:a@example.com',
    'example.com',
    'zh/channels',
    '/a b',
    '/a\tb',
    `/${'a'.repeat(500)}`,
    '',
  ])('refuses %j', (url) => {
    expect(isFooterLinkUrl(url)).toBe(false);
  });
});

describe('the settings form schema', () => {
  it('reads title, tagline and the filled link rows in order, dropping empty and removed rows', () => {
    const parsed = siteSettingsFormSchema.parse({
      ...base,
      title: '  桥  ',
      linkLabel0: '关于',
      linkUrl0: '/zh/blog/welcome-to-qiao',
      linkLabel1: '',
      linkUrl1: '',
      linkLabel2: 'GitHub',
      linkUrl2: 'https://github.com/example',
      linkLabel3: 'Gone',
      linkUrl3: 'javascript:alert(1)',
      linkRemove3: 'on',
    });
    expect(parsed).toEqual({
      locale: 'zh',
      version: 3,
      settings: {
        title: '桥',
        tagline: base.tagline,
        links: [
          { label: '关于', url: '/zh/blog/welcome-to-qiao' },
          { label: 'GitHub', url: 'https://github.com/example' },
        ],
      },
    });
  });

  it('puts each error, as a message key, on its own field', () => {
    expect(errorsOf({ title: '   ', tagline: '' })).toEqual({
      title: ['SiteSettingsForm.errors.titleRequired'],
      tagline: ['SiteSettingsForm.errors.taglineRequired'],
    });
    expect(errorsOf({ linkLabel1: 'Home', linkUrl2: '/x', linkLabel4: 'Bad', linkUrl4: 'http://example.com' })).toEqual({
      linkUrl1: ['SiteSettingsForm.errors.urlRequired'],
      linkLabel2: ['SiteSettingsForm.errors.labelRequired'],
      linkUrl4: ['SiteSettingsForm.errors.urlInvalid'],
    });
    for (const url of ['javascript:alert(1)', 'data:text/html,x', '//evil.example', 'http://example.com']) {
      expect(errorsOf({ linkLabel0: 'x', linkUrl0: url })).toEqual({ linkUrl0: ['SiteSettingsForm.errors.urlInvalid'] });
    }
  });

  it('enforces the lengths', () => {
    expect(errorsOf({ title: 'a'.repeat(80), tagline: 'b'.repeat(200), linkLabel0: 'c'.repeat(60), linkUrl0: `/${'d'.repeat(499)}` })).toBeNull();
    expect(errorsOf({ title: 'a'.repeat(81), tagline: 'b'.repeat(201), linkLabel0: 'c'.repeat(61), linkUrl0: `/${'d'.repeat(500)}` })).toEqual({
      title: ['SiteSettingsForm.errors.titleTooLong'],
      tagline: ['SiteSettingsForm.errors.taglineTooLong'],
      linkLabel0: ['SiteSettingsForm.errors.labelTooLong'],
      linkUrl0: ['SiteSettingsForm.errors.urlInvalid'],
    });
  });

  it(`keeps at most ${MAX_FOOTER_LINKS} links: rows past the limit are never read`, () => {
    const rows: Record<string, string> = {};
    for (let i = 0; i < MAX_FOOTER_LINKS + 5; i++) {
      rows[`linkLabel${i}`] = `Link ${i}`;
      rows[`linkUrl${i}`] = i >= MAX_FOOTER_LINKS ? 'javascript:alert(1)' : `/p/${i}`;
    }
    const parsed = siteSettingsFormSchema.parse({ ...base, ...rows });
    expect(parsed.settings.links).toHaveLength(MAX_FOOTER_LINKS);
    expect(parsed.settings.links.at(-1)).toEqual({ label: `Link ${MAX_FOOTER_LINKS - 1}`, url: `/p/${MAX_FOOTER_LINKS - 1}` });
    expect(siteSettingsValueSchema.safeParse({ ...parsed.settings, links: [...parsed.settings.links, { label: 'x', url: '/x' }] }).success).toBe(false);
  });

  it('refuses an unknown language or a tampered version', () => {
    for (const fields of [{ locale: 'fr' }, { version: '-1' }, { version: 'abc' }, { version: '1.5' }] as Record<string, string>[]) {
      const errors = errorsOf(fields);
      expect(errors).not.toBeNull();
      expect(Object.values(errors!).flat()).toEqual(['SiteSettingsForm.errors.invalid']);
    }
  });

  it('keeps markup as the text it is', () => {
    const xss = '<img src=x onerror=alert(1)><script>alert(1)</script>';
    expect(siteSettingsFormSchema.parse({ ...base, title: xss }).settings.title).toBe(xss);
  });
});

describe('the link rows of the form', () => {
  it('shows the filled rows and three empty ones, at most the limit', () => {
    expect(linkRowCount({})).toBe(3);
    expect(linkRowCount({ linkLabel4: 'x' })).toBe(8);
    expect(linkRowCount({ linkUrl11: '/x' })).toBe(MAX_FOOTER_LINKS);
  });

  it('moves a row up or down, with its removal mark, and never past the ends', () => {
    const values = { title: 'T', linkLabel0: 'A', linkUrl0: '/a', linkLabel1: 'B', linkUrl1: '/b', linkRemove1: 'on' };
    expect(moveLinkRow(values, { index: 1, direction: 'up' })).toEqual({ title: 'T', linkLabel0: 'B', linkUrl0: '/b', linkRemove0: 'on', linkLabel1: 'A', linkUrl1: '/a' });
    expect(moveLinkRow(values, { index: 0, direction: 'up' })).toEqual(values);
    expect(parseMove('down:11')).toEqual({ index: 11, direction: 'down' });
    for (const intent of ['save', 'up:12', 'left:1', 'up:-1', null, 'up:1:2']) expect(parseMove(intent)).toBeNull();
  });

  it('turns stored settings into form values', () => {
    expect(settingsToValues({ title: 'T', tagline: 'G', version: 2, links: [{ label: 'A', url: '/a' }] })).toEqual({
      title: 'T',
      tagline: 'G',
      version: '2',
      linkLabel0: 'A',
      linkUrl0: '/a',
    });
  });
});

describe('defaults', () => {
  it('are the title and tagline of the messages, with no links', () => {
    expect(defaultSiteSettings('en')).toEqual({ title: en.Metadata.siteName, tagline: en.Metadata.tagline, links: [] });
    expect(defaultSiteSettings('zh')).toEqual({ title: zh.Metadata.siteName, tagline: zh.Metadata.tagline, links: [] });
    // Valid as stored settings too, so an admin can save them unchanged.
    expect(siteSettingsValueSchema.safeParse(defaultSiteSettings('zh')).success).toBe(true);
  });
});
