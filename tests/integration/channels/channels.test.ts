import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/dal/session', () => import('../events/support').then((m) => m.mockSession()));

import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/dal/session';
import { createChannel, deleteChannel, getChannelForAdmin, listChannelsForAdmin, listPublicChannels, moveChannel, setChannelHidden, updateChannel } from '@/lib/dal/channels';
import { createChannelAction, deleteChannelAction, moveChannelAction, setChannelHiddenAction, updateChannelAction } from '@/lib/actions/channels';
import { channelFormSchema, type ChannelInput } from '@/lib/validations/channels';
import { as, person, unique } from '../events/support';

let admin: CurrentUser;
let target: { id: string };

function input(overrides: Partial<ChannelInput> = {}): ChannelInput {
  return { platform: 'ZHIHU', name: unique('Channel'), handle: null, url: 'https://www.zhihu.com/org/example', descriptionEn: 'English', descriptionZh: '中文', hidden: false, ...overrides };
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

const snapshot = async () => ({
  channels: await db.channel.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true, url: true, position: true, hidden: true, descriptions: true } }),
  audit: await db.auditLog.count(),
});

beforeAll(async () => {
  const row = await db.user.create({ data: { email: `${unique('admin')}@test.example`, role: 'ADMIN' }, select: { id: true } });
  admin = person('ADMIN', row.id);
  target = await as(admin, () => createChannel(input({ name: unique('Target') })));
});

const outsiders: [string, () => CurrentUser | null, string][] = [
  ['a visitor', () => null, 'UNAUTHENTICATED'],
  ['a volunteer', () => person('VOLUNTEER', 'volunteer-1'), 'FORBIDDEN'],
];

describe.each(outsiders)('%s', (_label, who, code) => {
  it('is refused by every channel write of the data layer, and nothing changes', async () => {
    const before = await snapshot();
    const calls: (() => Promise<unknown>)[] = [
      () => listChannelsForAdmin(),
      () => getChannelForAdmin(target.id),
      () => createChannel(input()),
      () => updateChannel(target.id, 1, input({ name: 'Hacked' })),
      () => setChannelHidden(target.id, true),
      () => moveChannel(target.id, 'up'),
      () => deleteChannel(target.id),
    ];
    for (const call of calls) await expect(as(who(), call)).rejects.toMatchObject({ code });
    expect(await snapshot()).toEqual(before);
  });

  it('gets a refusal from every channel action called directly, and nothing changes', async () => {
    const before = await snapshot();
    const key = code === 'UNAUTHENTICATED' ? 'FormErrors.unauthenticated' : 'FormErrors.forbidden';
    const fields = { platform: 'WECHAT', name: 'Sneaky', url: 'https://evil.example' };
    const results = await as(who(), async () => [
      await createChannelAction(null, form(fields)),
      await updateChannelAction(null, form({ ...fields, id: target.id })),
      await setChannelHiddenAction(null, form({ id: target.id, hidden: 'true' })),
      await moveChannelAction(null, form({ id: target.id, direction: 'down' })),
      await deleteChannelAction(null, form({ id: target.id })),
    ]);
    for (const result of results) expect(result).toEqual({ ok: false, formError: key });
    expect(await snapshot()).toEqual(before);
  });
});

describe('an admin', () => {
  it('cannot save a javascript:, data: or http: link, even calling the action directly', async () => {
    const before = await snapshot();
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'http://example.com', '//evil.example']) {
      expect(channelFormSchema.safeParse({ platform: 'ZHIHU', name: 'X', url }).success).toBe(false);
      const result = await as(admin, () => createChannelAction(null, form({ platform: 'ZHIHU', name: 'Bad link', url })));
      expect(result).toMatchObject({ ok: false, fieldErrors: { url: ['ChannelForm.errors.urlInvalid'] } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses descriptions over 500 characters', async () => {
    expect(channelFormSchema.safeParse({ platform: 'ZHIHU', name: 'X', descriptionEn: 'a'.repeat(501) }).success).toBe(false);
    expect(channelFormSchema.safeParse({ platform: 'ZHIHU', name: 'X', descriptionEn: 'a'.repeat(500) }).success).toBe(true);
  });

  it('stores markup in descriptions as the text it is', async () => {
    const xss = '<img src=x onerror=alert(1)><script>alert("x")</script>';
    const parsed = channelFormSchema.parse({ platform: 'CSDN', name: unique('Xss'), descriptionEn: xss, descriptionZh: xss });
    const { id } = await as(admin, () => createChannel(parsed));
    const shown = (await listPublicChannels()).find((c) => c.id === id);
    expect(shown?.descriptions).toEqual({ en: xss, zh: xss });
  });

  it('creates, hides, reorders and deletes, each with its audit row', async () => {
    const a = await as(admin, () => createChannel(input({ platform: 'JUEJIN', name: unique('A') })));
    const b = await as(admin, () => createChannel(input({ platform: 'JUEJIN', name: unique('B') })));
    const order = async () => (await as(admin, () => listChannelsForAdmin())).filter((c) => c.id === a.id || c.id === b.id).map((c) => c.id);
    expect(await order()).toEqual([a.id, b.id]);

    await as(admin, () => moveChannel(b.id, 'up'));
    expect(await order()).toEqual([b.id, a.id]);
    // The last of its platform stays where it is.
    const last = (await as(admin, () => listChannelsForAdmin())).filter((c) => c.platform === 'JUEJIN').at(-1)!;
    await as(admin, () => moveChannel(last.id, 'down'));
    expect((await as(admin, () => listChannelsForAdmin())).filter((c) => c.platform === 'JUEJIN').at(-1)?.id).toBe(last.id);

    await as(admin, () => setChannelHidden(a.id, true));
    expect((await listPublicChannels()).some((c) => c.id === a.id)).toBe(false);

    const { version } = (await as(admin, () => getChannelForAdmin(a.id)))!;
    await as(admin, () => updateChannel(a.id, version, input({ platform: 'JUEJIN', name: 'Renamed', hidden: true })));
    expect((await as(admin, () => getChannelForAdmin(a.id)))?.name).toBe('Renamed');

    await as(admin, () => deleteChannel(b.id));
    expect(await order()).toEqual([a.id]);

    const actions = async (id: string) => (await db.auditLog.findMany({ where: { targetType: 'channel', targetId: id }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true } }));
    expect((await actions(a.id)).map((r) => r.action)).toEqual(['channel.create', 'channel.hide', 'channel.update']);
    expect((await actions(b.id)).map((r) => r.action)).toEqual(['channel.create', 'channel.reorder', 'channel.delete']);
    expect((await actions(b.id)).every((r) => r.actorId === admin.id)).toBe(true);
  });
});

describe('two admins editing one channel', () => {
  it('refuses the save based on an older read, keeps what was typed, and changes nothing', async () => {
    const { id } = await as(admin, () => createChannel(input({ name: unique('Shared') })));
    const read = (await as(admin, () => getChannelForAdmin(id)))!;
    // The first admin saves; the second still has the form they opened before.
    await as(admin, () => updateChannel(id, read.version, input({ name: 'First save' })));
    await expect(as(admin, () => updateChannel(id, read.version, input({ name: 'Second save' })))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await as(admin, () => getChannelForAdmin(id)))?.name).toBe('First save');

    const audit = await db.auditLog.count({ where: { targetId: id } });
    const fields = { id, version: String(read.version), platform: 'ZHIHU', name: 'Stale tab', url: 'https://www.zhihu.com/org/x', descriptionZh: '我的修改' };
    const result = await as(admin, () => updateChannelAction(null, form(fields)));
    expect(result).toMatchObject({ ok: false, formError: 'ChannelForm.errors.conflict', values: { name: 'Stale tab', descriptionZh: '我的修改', version: String(read.version) } });
    expect((await as(admin, () => getChannelForAdmin(id)))?.name).toBe('First save');
    expect(await db.auditLog.count({ where: { targetId: id } })).toBe(audit);
  });

  it('refuses a form opened before the channel was hidden, so the click is not undone', async () => {
    const { id } = await as(admin, () => createChannel(input({ name: unique('Hidden') })));
    const read = (await as(admin, () => getChannelForAdmin(id)))!;
    await as(admin, () => setChannelHidden(id, true));
    await expect(as(admin, () => updateChannel(id, read.version, input({ hidden: false })))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await as(admin, () => getChannelForAdmin(id)))?.hidden).toBe(true);
  });

  it('refuses an edit without a version', async () => {
    const result = await as(admin, () => updateChannelAction(null, form({ id: target.id, platform: 'ZHIHU', name: 'No version' })));
    expect(result).toMatchObject({ ok: false, formError: 'ChannelForm.errors.notFound' });
  });
});
