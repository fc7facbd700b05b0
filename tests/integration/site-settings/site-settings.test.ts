import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/dal/session', () => import('../events/support').then((m) => m.mockSession()));
// Outside a Next server there is no cache to expire; what is saved is what the test checks.
const revalidated = vi.hoisted(() => ({ tags: [] as string[], paths: [] as string[] }));
vi.mock('next/cache', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/cache')>()),
  revalidateTag: (tag: string) => void revalidated.tags.push(tag),
  revalidatePath: (path: string) => void revalidated.paths.push(path),
}));

import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/dal/session';
import { getSiteSettingsForAdmin, readSiteSettings, saveSiteSettings, siteSettingsKey } from '@/lib/dal/site-settings';
import { saveSiteSettingsAction } from '@/lib/actions/site-settings';
import { siteSettingsFormSchema } from '@/lib/validations/site-settings';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { as, person, unique } from '../events/support';

let admin: CurrentUser;
// Stands for the one-time markers (demoContentLoadedAt …) that share the table; the real ones
// are left alone, since other files load the demo content only while they are missing.
const marker = unique('test-marker');

const KEYS = [siteSettingsKey('en'), siteSettingsKey('zh')];

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

const snapshot = async () => ({
  settings: await db.siteSetting.findMany({ orderBy: { key: 'asc' }, select: { key: true, value: true, version: true } }),
  audit: await db.auditLog.count(),
});

beforeAll(async () => {
  const row = await db.user.create({ data: { email: `${unique('admin')}@test.example`, role: 'ADMIN' }, select: { id: true } });
  admin = person('ADMIN', row.id);
  await db.siteSetting.create({ data: { key: marker, value: '2026-01-01T00:00:00.000Z' } });
});

afterAll(async () => {
  await db.siteSetting.deleteMany({ where: { key: marker } });
});

afterEach(async () => {
  await db.siteSetting.deleteMany({ where: { key: { in: KEYS } } });
  revalidated.tags.length = 0;
  revalidated.paths.length = 0;
});

const zhInput = (version: number, title = '桥') =>
  siteSettingsFormSchema.parse({ locale: 'zh', version: String(version), title, tagline: '新的标语', linkLabel0: '关于我们', linkUrl0: '/zh/blog/welcome-to-qiao', linkLabel1: 'GitHub', linkUrl1: 'https://github.com/example' });

describe('with nothing stored', () => {
  it('every language has the title and tagline of its messages, no links, and version 0', async () => {
    expect(await readSiteSettings()).toEqual({
      en: { title: en.Metadata.siteName, tagline: en.Metadata.tagline, links: [], version: 0 },
      zh: { title: zh.Metadata.siteName, tagline: zh.Metadata.tagline, links: [], version: 0 },
    });
  });

  it('a stored value that no longer reads as settings falls back to the defaults', async () => {
    await db.siteSetting.create({ data: { key: siteSettingsKey('en'), value: { title: '', links: 'nope' } } });
    expect((await readSiteSettings()).en).toMatchObject({ title: en.Metadata.siteName, links: [], version: 1 });
  });
});

describe('an admin', () => {
  it('saves one language, with its audit row, leaving the other language and the markers alone', async () => {
    const others = () => db.siteSetting.findMany({ where: { key: { notIn: KEYS } }, orderBy: { key: 'asc' } });
    const markers = await others();
    expect(markers.some((m) => m.key === marker)).toBe(true);
    expect(await as(admin, () => saveSiteSettings(zhInput(0)))).toEqual({ version: 1 });
    const settings = await as(admin, () => getSiteSettingsForAdmin());
    expect(settings.zh).toEqual({
      title: '桥',
      tagline: '新的标语',
      links: [
        { label: '关于我们', url: '/zh/blog/welcome-to-qiao' },
        { label: 'GitHub', url: 'https://github.com/example' },
      ],
      version: 1,
    });
    expect(settings.en).toEqual({ title: en.Metadata.siteName, tagline: en.Metadata.tagline, links: [], version: 0 });
    expect(await others()).toEqual(markers);

    expect(await as(admin, () => saveSiteSettings(zhInput(1, '新桥')))).toEqual({ version: 2 });
    expect((await readSiteSettings()).zh).toMatchObject({ title: '新桥', version: 2 });

    const audit = await db.auditLog.findMany({ where: { targetId: siteSettingsKey('zh') }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true, targetType: true, data: true } });
    expect(audit.slice(-2)).toEqual([
      { action: 'site.settings', actorId: admin.id, targetType: 'SiteSetting', data: { title: '桥', tagline: '新的标语', links: 2, version: 1 } },
      { action: 'site.settings', actorId: admin.id, targetType: 'SiteSetting', data: { title: '新桥', tagline: '新的标语', links: 2, version: 2 } },
    ]);
  });

  it('is refused a save based on a stale version, and nothing changes', async () => {
    await as(admin, () => saveSiteSettings(zhInput(0)));
    await as(admin, () => saveSiteSettings(zhInput(1, '第二次')));
    const before = await snapshot();
    await expect(as(admin, () => saveSiteSettings(zhInput(1, '过时的')))).rejects.toMatchObject({ code: 'CONFLICT' });
    // Two first saves at once: only one creates the row.
    await expect(as(admin, () => saveSiteSettings(zhInput(0, '又一个第一次')))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await snapshot()).toEqual(before);
  });

  it('through the action: a stale save gets a localized error and keeps what was typed', async () => {
    await as(admin, () => saveSiteSettings(zhInput(0)));
    await as(admin, () => saveSiteSettings(zhInput(1, '别人改的')));
    const before = await snapshot();
    const typed = { locale: 'zh', version: '1', title: '我的标题', tagline: '我的标语', linkLabel0: '链接', linkUrl0: '/zh' };
    const result = await as(admin, () => saveSiteSettingsAction(null, form({ ...typed, intent: 'save' })));
    expect(result).toEqual({ ok: false, formError: 'SiteSettingsForm.errors.conflict', values: { ...typed, intent: 'save' } });
    expect(await snapshot()).toEqual(before);
    expect(revalidated.tags).toEqual([]);
  });

  it('through the action: a save expires the cached settings and every page', async () => {
    const result = await as(admin, () => saveSiteSettingsAction(null, form({ locale: 'en', version: '0', title: 'Bridge', tagline: 'A tagline' })));
    expect(result).toEqual({ ok: true, notice: 'SiteSettingsForm.saved' });
    expect((await readSiteSettings()).en).toMatchObject({ title: 'Bridge', tagline: 'A tagline', links: [], version: 1 });
    expect(revalidated.tags).toEqual(['site-settings']);
    expect(revalidated.paths).toEqual(['/']);
  });

  it('through the action: a move button rearranges the rows without saving anything', async () => {
    const before = await snapshot();
    const result = await as(admin, () =>
      saveSiteSettingsAction(null, form({ locale: 'en', version: '0', title: 'T', tagline: 'G', linkLabel0: 'A', linkUrl0: '/a', linkLabel1: 'B', linkUrl1: '/b', intent: 'up:1' })),
    );
    expect(result).toEqual({
      ok: true,
      notice: 'SiteSettingsForm.moved',
      values: { locale: 'en', version: '0', title: 'T', tagline: 'G', linkLabel0: 'B', linkUrl0: '/b', linkLabel1: 'A', linkUrl1: '/a' },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('cannot save a javascript:, data:, http: or protocol-relative link, even calling the action directly', async () => {
    const before = await snapshot();
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://example.com', '//evil.example', '/\\evil.example']) {
      const result = await as(admin, () => saveSiteSettingsAction(null, form({ locale: 'en', version: '0', title: 'T', tagline: 'G', linkLabel0: 'Bad', linkUrl0: url })));
      expect(result).toMatchObject({ ok: false, fieldErrors: { linkUrl0: ['SiteSettingsForm.errors.urlInvalid'] }, values: { linkUrl0: url } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('stores markup in a title as the text it is', async () => {
    const xss = '<img src=x onerror=alert(1)><script>alert("x")</script>';
    await as(admin, () => saveSiteSettings({ ...zhInput(0), settings: { ...zhInput(0).settings, title: xss } }));
    expect((await readSiteSettings()).zh.title).toBe(xss);
  });
});

const outsiders: [string, () => CurrentUser | null, string][] = [
  ['a visitor', () => null, 'UNAUTHENTICATED'],
  ['a volunteer', () => person('VOLUNTEER', 'volunteer-1'), 'FORBIDDEN'],
  ['a reviewer', () => person('REVIEWER', 'reviewer-1'), 'FORBIDDEN'],
];

describe.each(outsiders)('%s', (_label, who, code) => {
  it('is refused by the data layer, and nothing changes', async () => {
    await as(admin, () => saveSiteSettings(zhInput(0)));
    const before = await snapshot();
    await expect(as(who(), () => getSiteSettingsForAdmin())).rejects.toMatchObject({ code });
    await expect(as(who(), () => saveSiteSettings(zhInput(1, 'Hacked')))).rejects.toMatchObject({ code });
    await expect(as(who(), () => saveSiteSettings({ ...zhInput(0, 'Hacked'), locale: 'en' }))).rejects.toMatchObject({ code });
    expect(await snapshot()).toEqual(before);
  });

  it('gets a refusal from the action called directly, for a save and for a move, and nothing changes', async () => {
    const before = await snapshot();
    const key = code === 'UNAUTHENTICATED' ? 'FormErrors.unauthenticated' : 'FormErrors.forbidden';
    const fields = { locale: 'en', version: '0', title: 'Hacked', tagline: 'Hacked', linkLabel0: 'x', linkUrl0: 'https://evil.example' };
    expect(await as(who(), () => saveSiteSettingsAction(null, form(fields)))).toEqual({ ok: false, formError: key });
    expect(await as(who(), () => saveSiteSettingsAction(null, form({ ...fields, intent: 'down:0' })))).toEqual({ ok: false, formError: key });
    expect(await snapshot()).toEqual(before);
    expect(revalidated.tags).toEqual([]);
  });
});
