import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/dal/session', () => import('../events/support').then((m) => m.mockSession()));
// Revalidation needs a running Next server; what it is asked to drop is not what these tests check.
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock('next-intl/server', async (importOriginal) => ({ ...(await importOriginal<typeof import('next-intl/server')>()), getLocale: async () => 'en' }));

import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/dal/session';
import {
  createDirectoryEntry,
  deleteDirectoryEntry,
  getDirectoryEntryForAdmin,
  listDirectoryForAdmin,
  moveDirectoryEntry,
  setDirectoryEntryHidden,
  updateDirectoryEntry,
} from '@/lib/dal/directory-admin';
import { listPublicDirectory } from '@/lib/dal/directory';
import {
  createDirectoryEntryAction,
  deleteDirectoryEntryAction,
  moveDirectoryEntryAction,
  setDirectoryEntryHiddenAction,
  updateDirectoryEntryAction,
} from '@/lib/actions/directory';
import { directoryCreateSchema, parseTagList, type DirectoryCreateInput } from '@/lib/validations/directory';
import { as, person, unique } from '../events/support';

let admin: CurrentUser;
let target: { id: string; slug: string };

const slug = () => unique('entry').toLowerCase();

function input(overrides: Partial<DirectoryCreateInput> = {}): DirectoryCreateInput {
  return { slug: slug(), name: unique('Entry'), url: 'https://example.org/community', info: 'A community', tags: ['nlp'], body: '', hidden: false, ...overrides };
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

const snapshot = async () => ({
  entries: await db.directoryEntry.findMany({ orderBy: { id: 'asc' }, select: { id: true, slug: true, name: true, url: true, info: true, tags: true, html: true, position: true, hidden: true, version: true } }),
  audit: await db.auditLog.count(),
});

const version = async (id: string) => (await as(admin, () => getDirectoryEntryForAdmin(id)))!.version;

beforeAll(async () => {
  const row = await db.user.create({ data: { email: `${unique('admin')}@test.example`, role: 'ADMIN' }, select: { id: true } });
  admin = person('ADMIN', row.id);
  target = await as(admin, () => createDirectoryEntry(input({ name: unique('Target') })));
});

const outsiders: [string, () => CurrentUser | null, string][] = [
  ['a visitor', () => null, 'UNAUTHENTICATED'],
  ['a volunteer', () => person('VOLUNTEER', 'volunteer-1'), 'FORBIDDEN'],
  ['a reviewer', () => person('REVIEWER', 'reviewer-1'), 'FORBIDDEN'],
];

describe.each(outsiders)('%s', (_label, who, code) => {
  it('is refused by every directory read and write of the data layer, and nothing changes', async () => {
    const before = await snapshot();
    const calls: (() => Promise<unknown>)[] = [
      () => listDirectoryForAdmin(),
      () => getDirectoryEntryForAdmin(target.id),
      () => createDirectoryEntry(input()),
      () => updateDirectoryEntry(target.id, 1, input({ name: 'Hacked' })),
      () => setDirectoryEntryHidden(target.id, true),
      () => moveDirectoryEntry(target.id, 'up'),
      () => deleteDirectoryEntry(target.id),
    ];
    for (const call of calls) await expect(as(who(), call)).rejects.toMatchObject({ code });
    expect(await snapshot()).toEqual(before);
  });

  it('gets a refusal from every directory action called directly, and nothing changes', async () => {
    const before = await snapshot();
    const key = code === 'UNAUTHENTICATED' ? 'FormErrors.unauthenticated' : 'FormErrors.forbidden';
    const fields = { slug: 'sneaky', name: 'Sneaky', url: 'https://evil.example' };
    const results = await as(who(), async () => [
      await createDirectoryEntryAction(null, form(fields)),
      await updateDirectoryEntryAction(null, form({ ...fields, id: target.id, version: '1' })),
      await setDirectoryEntryHiddenAction(null, form({ id: target.id, hidden: 'true' })),
      await moveDirectoryEntryAction(null, form({ id: target.id, direction: 'down' })),
      await deleteDirectoryEntryAction(null, form({ id: target.id })),
    ]);
    for (const result of results) expect(result).toEqual({ ok: false, formError: key });
    expect(await snapshot()).toEqual(before);
  });
});

describe('the directory form', () => {
  it('refuses javascript:, data:, http: and protocol-relative links, even through the action', async () => {
    const before = await snapshot();
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'http://example.com', '//evil.example', 'https://user:pw@example.com', '']) {
      expect(directoryCreateSchema.safeParse({ slug: 'x', name: 'X', url }).success, url).toBe(false);
      const result = await as(admin, () => createDirectoryEntryAction(null, form({ slug: slug(), name: 'Bad link', url })));
      expect(result, url).toMatchObject({ ok: false, fieldErrors: { url: ['DirectoryForm.errors.urlInvalid'] }, values: { name: 'Bad link' } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('reads tags as a comma-separated list: trimmed, without empties or repeats, within limits', () => {
    expect(parseTagList(' NLP, 开源、 nlp ,, Ｎｌｐ，  large   models ')).toEqual(['NLP', '开源', 'large models']);
    expect(directoryCreateSchema.parse({ slug: 'a', name: 'A', url: 'https://a.example', tags: 'a, b, a' }).tags).toEqual(['a', 'b']);
    const many = Array.from({ length: 13 }, (_, i) => `t${i}`).join(', ');
    expect(directoryCreateSchema.safeParse({ slug: 'a', name: 'A', url: 'https://a.example', tags: many }).error?.issues[0]?.message).toBe('DirectoryForm.errors.tooManyTags');
    expect(directoryCreateSchema.safeParse({ slug: 'a', name: 'A', url: 'https://a.example', tags: 'x'.repeat(41) }).error?.issues[0]?.message).toBe('DirectoryForm.errors.tagTooLong');
    expect(directoryCreateSchema.safeParse({ slug: 'a', name: 'A', url: 'https://a.example', tags: 'ok, bad\u0007tag' }).success).toBe(false);
  });

  it('asks for a slug of lower-case letters, digits and hyphens, and refuses one that is taken', async () => {
    for (const bad of ['Upper', 'with space', '中文', '-lead', 'trail-', 'a--b', 'a_b', 'x'.repeat(81)]) {
      expect(directoryCreateSchema.safeParse({ slug: bad, name: 'A', url: 'https://a.example' }).success, bad).toBe(false);
    }
    const result = await as(admin, () => createDirectoryEntryAction(null, form({ slug: target.slug, name: 'Copy', url: 'https://copy.example' })));
    expect(result).toMatchObject({ ok: false, fieldErrors: { slug: ['DirectoryForm.errors.slugTaken'] }, values: { name: 'Copy' } });
  });
});

describe('an admin', () => {
  it('creates, edits, reorders, hides and deletes entries, each with its audit row', async () => {
    const a = await as(admin, () => createDirectoryEntry(input({ name: unique('A'), tags: ['开源', 'nlp'], body: '**Bold** text' })));
    const b = await as(admin, () => createDirectoryEntry(input({ name: unique('B') })));
    const order = async () => (await as(admin, () => listDirectoryForAdmin())).map((e) => e.id).filter((id) => id === a.id || id === b.id);
    expect(await order()).toEqual([a.id, b.id]);
    expect((await listPublicDirectory()).entries.find((e) => e.slug === a.slug)).toMatchObject({ tags: ['开源', 'nlp'], html: expect.stringContaining('<strong>Bold</strong>') });

    await as(admin, () => moveDirectoryEntry(b.id, 'up'));
    expect(await order()).toEqual([b.id, a.id]);
    const publicOrder = (await listPublicDirectory()).entries.map((e) => e.slug).filter((s) => s === a.slug || s === b.slug);
    expect(publicOrder).toEqual([b.slug, a.slug]);
    // The last entry stays where it is.
    const all = await as(admin, () => listDirectoryForAdmin());
    await as(admin, () => moveDirectoryEntry(all.at(-1)!.id, 'down'));
    expect((await as(admin, () => listDirectoryForAdmin())).at(-1)?.id).toBe(all.at(-1)!.id);

    await as(admin, () => setDirectoryEntryHidden(a.id, true));
    expect((await listPublicDirectory()).entries.some((e) => e.slug === a.slug)).toBe(false);
    expect((await as(admin, () => listDirectoryForAdmin())).find((e) => e.id === a.id)?.hidden).toBe(true);
    await as(admin, () => setDirectoryEntryHidden(a.id, false));
    expect((await listPublicDirectory()).entries.some((e) => e.slug === a.slug)).toBe(true);

    const current = await version(a.id);
    await as(admin, () => updateDirectoryEntry(a.id, current, input({ name: 'Renamed', url: 'https://renamed.example', tags: ['cv'], body: 'New *body*' })));
    const edited = await as(admin, () => getDirectoryEntryForAdmin(a.id));
    expect(edited).toMatchObject({ name: 'Renamed', url: 'https://renamed.example', tags: ['cv'], body: 'New *body*', slug: a.slug, version: current + 1 });
    expect((await db.directoryEntry.findUnique({ where: { id: a.id }, select: { html: true } }))?.html).toContain('<em>body</em>');

    await as(admin, () => deleteDirectoryEntry(b.id));
    expect(await order()).toEqual([a.id]);
    await expect(as(admin, () => deleteDirectoryEntry(b.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const actions = async (id: string) => db.auditLog.findMany({ where: { targetType: 'directory', targetId: id }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true } });
    expect((await actions(a.id)).map((r) => r.action)).toEqual(['directory.create', 'directory.hide', 'directory.hide', 'directory.update']);
    expect((await actions(b.id)).map((r) => r.action)).toEqual(['directory.create', 'directory.reorder', 'directory.delete']);
    expect([...(await actions(a.id)), ...(await actions(b.id))].every((r) => r.actorId === admin.id)).toBe(true);
  });

  it('orders imported entries that share position 0 before moving them', async () => {
    const prefix = `imp-${unique('x').toLowerCase()}`;
    const slugs = [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`];
    for (const s of slugs) await db.directoryEntry.create({ data: { slug: s, name: s, url: 'https://imported.example', info: '', tags: [], position: 0 } });
    const mine = async () => (await as(admin, () => listDirectoryForAdmin())).filter((e) => e.slug.startsWith(prefix)).map((e) => e.slug);
    expect(await mine()).toEqual(slugs);
    const c = (await db.directoryEntry.findUnique({ where: { slug: slugs[2]! }, select: { id: true } }))!;
    await as(admin, () => moveDirectoryEntry(c.id, 'up'));
    expect(await mine()).toEqual([slugs[0], slugs[2], slugs[1]]);
  });

  it('refuses a save based on an older read, keeps what was typed, and writes nothing', async () => {
    const { id } = await as(admin, () => createDirectoryEntry(input({ name: unique('Shared') })));
    const read = await version(id);
    await as(admin, () => updateDirectoryEntry(id, read, input({ name: 'First save' })));
    await expect(as(admin, () => updateDirectoryEntry(id, read, input({ name: 'Second save' })))).rejects.toMatchObject({ code: 'CONFLICT' });

    const before = await snapshot();
    const fields = { id, version: String(read), name: 'Stale tab', url: 'https://stale.example', info: '我的修改', tags: 'a, b' };
    const result = await as(admin, () => updateDirectoryEntryAction(null, form(fields)));
    expect(result).toMatchObject({ ok: false, formError: 'DirectoryForm.errors.conflict', values: { name: 'Stale tab', info: '我的修改', tags: 'a, b', version: String(read) } });
    expect(await snapshot()).toEqual(before);
    expect((await as(admin, () => getDirectoryEntryForAdmin(id)))?.name).toBe('First save');

    // A form opened before the entry was hidden would show it again: refused too.
    const fresh = await version(id);
    await as(admin, () => setDirectoryEntryHidden(id, true));
    await expect(as(admin, () => updateDirectoryEntry(id, fresh, input({ hidden: false })))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await as(admin, () => getDirectoryEntryForAdmin(id)))?.hidden).toBe(true);
  });

  it('cannot change the slug, the stored HTML or the position through tampered fields', async () => {
    const { id, slug: original } = await as(admin, () => createDirectoryEntry(input()));
    const before = (await db.directoryEntry.findUnique({ where: { id }, select: { position: true } }))!;
    const fields = { id, version: String(await version(id)), slug: 'hijacked', html: '<script>alert(1)</script>', position: '-5', name: 'Tampered', url: 'https://t.example', body: 'plain' };
    // Saved, the action redirects to the list: Next's redirect is an exception outside a request.
    await expect(as(admin, () => updateDirectoryEntryAction(null, form(fields)))).rejects.toMatchObject({ digest: expect.stringContaining('/en/admin/directory?saved=Tampered') });
    const row = await db.directoryEntry.findUnique({ where: { id }, select: { slug: true, name: true, html: true, position: true } });
    expect(row).toEqual({ slug: original, name: 'Tampered', html: '<p>plain</p>', position: before.position });
  });

  it('stores markup in the body only sanitized, and the name, info and tags as text', async () => {
    const xss = '<img src=x onerror=alert(1)><script>alert("x")</script>';
    const body = `${xss}\n\n[click](javascript:alert(1)) <a href="javascript:alert(2)">a</a> <iframe src="https://evil.example"></iframe> <svg onload=alert(3)></svg>`;
    const parsed = directoryCreateSchema.parse({ slug: slug(), name: `Name ${xss}`, url: 'https://xss.example', info: xss, tags: '<b>tag</b>, <img src=x onerror=alert(1)>', body });
    const { slug: created } = await as(admin, () => createDirectoryEntry(parsed));
    const shown = (await listPublicDirectory()).entries.find((e) => e.slug === created)!;
    expect(shown.info).toBe(xss);
    expect(shown.tags).toEqual(['<b>tag</b>', '<img src=x onerror=alert(1)>']);
    expect(shown.name).toBe(`Name ${xss}`);
    expect(shown.html).not.toMatch(/<script|onerror|onload|javascript:|<iframe|<svg/i);
    expect(shown.html).toContain('click');
  });
});

describe('the public directory', () => {
  it('finds entries by name, info or tag, ignoring case and full-width forms, in Chinese too', async () => {
    const mark = unique('q').slice(2);
    const hf = await as(admin, () => createDirectoryEntry(input({ name: `Hugging Face ${mark}`, info: '模型、数据集与应用的中心', tags: ['AI社区', '开源模型'] })));
    const paddle = await as(admin, () => createDirectoryEntry(input({ name: `飞桨 ${mark}`, info: 'Deep learning platform', tags: ['框架'] })));
    const hidden = await as(admin, () => createDirectoryEntry(input({ name: `Hidden ${mark}`, info: '数据集', hidden: true })));
    const found = async (q?: string, tag?: string) => (await listPublicDirectory(tag, q)).entries.map((e) => e.slug).filter((s) => [hf.slug, paddle.slug, hidden.slug].includes(s));

    expect(await found(`HUGGING face ${mark}`)).toEqual([hf.slug]);
    expect(await found('数据集')).toEqual([hf.slug]);
    expect(await found('ＤＥＥＰ learning')).toEqual([paddle.slug]);
    expect(await found('飞桨')).toEqual([paddle.slug]);
    expect(await found('ai社区')).toEqual([hf.slug]);
    expect(await found(mark, '框架')).toEqual([paddle.slug]);
    expect(await found(mark, 'AI社区')).toEqual([hf.slug]);
    expect(await found('no such thing anywhere')).toEqual([]);
    expect(await found(mark)).toEqual([hf.slug, paddle.slug]);
  });
});
