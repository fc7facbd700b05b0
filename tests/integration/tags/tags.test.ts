import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/dal/session', () => import('../events/support').then((m) => m.mockSession()));
// Revalidation needs a running Next server; what it is asked to drop is not what these tests check.
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock('next-intl/server', async (importOriginal) => ({ ...(await importOriginal<typeof import('next-intl/server')>()), getLocale: async () => 'zh' }));

import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/dal/session';
import { createTag, deleteTag, getTagForAdmin, listTagsForAdmin, updateTagLabels } from '@/lib/dal/tags';
import { listPostsByTag } from '@/lib/dal/posts';
import { createTagAction, deleteTagAction, updateTagLabelsAction } from '@/lib/actions/tags';
import { tagCreateSchema, TAG_PAGE_SIZE } from '@/lib/validations/tags';
import { as, person, unique } from '../events/support';

let admin: CurrentUser;
let target: { id: string; slug: string };

const slug = (label = 'tag') => unique(label).toLowerCase();

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

const snapshot = async () => ({
  tags: await db.tag.findMany({ orderBy: { id: 'asc' }, select: { id: true, slug: true, labels: true, version: true } }),
  audit: await db.auditLog.count(),
});

/** A post (not published: only the link matters) carrying the tag. */
async function tagPost(tagId: string) {
  await db.post.create({ data: { slug: unique('post'), sourceLocale: 'en', tags: { create: { tagId } } }, select: { id: true } });
}

const redirectTo = (path: string) => ({ digest: expect.stringContaining(path) });

beforeAll(async () => {
  const row = await db.user.create({ data: { email: `${unique('admin')}@test.example`, role: 'ADMIN' }, select: { id: true } });
  admin = person('ADMIN', row.id);
  target = await as(admin, () => createTag({ slug: slug('target'), labelEn: 'Target', labelZh: '目标' }));
});

const outsiders: [string, () => CurrentUser | null, string][] = [
  ['a visitor', () => null, 'UNAUTHENTICATED'],
  ['a volunteer', () => person('VOLUNTEER', 'volunteer-1'), 'FORBIDDEN'],
  ['a reviewer', () => person('REVIEWER', 'reviewer-1'), 'FORBIDDEN'],
];

describe.each(outsiders)('%s', (_label, who, code) => {
  it('is refused by every tag read and write of the data layer, and nothing changes', async () => {
    const before = await snapshot();
    const calls: (() => Promise<unknown>)[] = [
      () => listTagsForAdmin({ page: 1 }),
      () => getTagForAdmin(target.id),
      () => createTag({ slug: 'sneaky', labelEn: 'Sneaky', labelZh: '' }),
      () => updateTagLabels(target.id, 1, { labelEn: 'Hacked', labelZh: '黑' }),
      () => deleteTag(target.id),
    ];
    for (const call of calls) await expect(as(who(), call)).rejects.toMatchObject({ code });
    expect(await snapshot()).toEqual(before);
  });

  it('gets a refusal from every tag action called directly, and nothing changes', async () => {
    const before = await snapshot();
    const key = code === 'UNAUTHENTICATED' ? 'FormErrors.unauthenticated' : 'FormErrors.forbidden';
    const results = await as(who(), async () => [
      await createTagAction(null, form({ slug: 'sneaky', labelEn: 'Sneaky' })),
      await updateTagLabelsAction(null, form({ id: target.id, version: '1', labelEn: 'Hacked', labelZh: '黑' })),
      await deleteTagAction(null, form({ id: target.id })),
    ]);
    for (const result of results) expect(result).toEqual({ ok: false, formError: key });
    expect(await snapshot()).toEqual(before);
  });
});

describe('creating a tag', () => {
  it('asks for a slug of lower-case letters, digits and hyphens', async () => {
    for (const bad of ['Open-Source', 'open source', '开源', '-x', 'x-', 'a--b', 'a_b', 'x'.repeat(61), '']) {
      expect(tagCreateSchema.safeParse({ slug: bad }).success, bad).toBe(false);
    }
    expect(tagCreateSchema.parse({ slug: ' open-source-2 ' }).slug).toBe('open-source-2');
    const before = await snapshot();
    const result = await as(admin, () => createTagAction(null, form({ slug: 'Bad Slug', labelZh: '坏' })));
    expect(result).toMatchObject({ ok: false, fieldErrors: { slug: ['TagForm.errors.slugInvalid'] }, values: { slug: 'Bad Slug', labelZh: '坏' } });
    expect(await snapshot()).toEqual(before);
  });

  it('creates it with its labels and an audit row, and refuses a slug that is taken', async () => {
    const s = slug('new');
    await expect(as(admin, () => createTagAction(null, form({ slug: s, labelEn: ' Open  source ', labelZh: '开源' })))).rejects.toMatchObject(redirectTo(`/zh/admin/tags?created=${s}`));
    const row = await db.tag.findUnique({ where: { slug: s }, select: { id: true, labels: true } });
    expect(row?.labels).toEqual({ en: 'Open source', zh: '开源' });
    expect(await db.auditLog.findFirst({ where: { targetType: 'tag', targetId: row!.id }, select: { action: true, actorId: true } })).toEqual({ action: 'tag.create', actorId: admin.id });

    const again = await as(admin, () => createTagAction(null, form({ slug: s, labelEn: 'Again' })));
    expect(again).toMatchObject({ ok: false, fieldErrors: { slug: ['TagForm.errors.slugTaken'] }, values: { labelEn: 'Again' } });
  });
});

describe('editing labels', () => {
  it('shows a new label on the public tag page at once, keeps other languages, and falls back when emptied', async () => {
    const s = slug('labels');
    const { id } = await as(admin, () => createTag({ slug: s, labelEn: 'Machine learning', labelZh: '' }));
    // An imported label in a language the form does not show.
    await db.tag.update({ where: { id }, data: { labels: { en: 'Machine learning', fr: 'Apprentissage' } } });
    expect((await listPostsByTag('zh', s, 1))?.tag.label).toBe('Machine learning');

    const { version } = (await as(admin, () => getTagForAdmin(id)))!;
    await expect(as(admin, () => updateTagLabelsAction(null, form({ id, version: String(version), labelEn: 'Machine learning', labelZh: '机器学习' })))).rejects.toMatchObject(
      redirectTo(`/zh/admin/tags?saved=${s}`),
    );
    expect((await listPostsByTag('zh', s, 1))?.tag.label).toBe('机器学习');
    expect((await listPostsByTag('en', s, 1))?.tag.label).toBe('Machine learning');
    expect((await db.tag.findUnique({ where: { id }, select: { labels: true } }))?.labels).toEqual({ en: 'Machine learning', zh: '机器学习', fr: 'Apprentissage' });

    await as(admin, () => updateTagLabels(id, version + 1, { labelEn: '', labelZh: '' }));
    expect((await listPostsByTag('zh', s, 1))?.tag.label).toBe(s);
    expect(await as(admin, () => getTagForAdmin(id))).toMatchObject({ labels: { en: '', zh: '' }, shown: { en: s, zh: s }, version: version + 2 });

    const audit = await db.auditLog.findMany({ where: { targetType: 'tag', targetId: id }, orderBy: { createdAt: 'asc' }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(['tag.create', 'tag.update', 'tag.update']);
  });

  it('refuses a save based on an older read, keeps what was typed, and writes nothing', async () => {
    const { id } = await as(admin, () => createTag({ slug: slug('race'), labelEn: 'Race', labelZh: '' }));
    const read = (await as(admin, () => getTagForAdmin(id)))!.version;
    await as(admin, () => updateTagLabels(id, read, { labelEn: 'Race', labelZh: '第一个' }));
    await expect(as(admin, () => updateTagLabels(id, read, { labelEn: 'Race', labelZh: '第二个' }))).rejects.toMatchObject({ code: 'CONFLICT' });

    const before = await snapshot();
    const result = await as(admin, () => updateTagLabelsAction(null, form({ id, version: String(read), labelEn: 'Mine', labelZh: '我的' })));
    expect(result).toMatchObject({ ok: false, formError: 'TagForm.errors.conflict', values: { labelEn: 'Mine', labelZh: '我的', version: String(read) } });
    expect(await snapshot()).toEqual(before);
    expect((await as(admin, () => getTagForAdmin(id)))?.labels.zh).toBe('第一个');
  });

  it('keeps markup in a label as text, and refuses control characters and long labels', async () => {
    const xss = '<img src=x onerror=alert(1)>';
    const { id, slug: s } = await as(admin, () => createTag(tagCreateSchema.parse({ slug: slug('xss'), labelEn: xss, labelZh: '<script>x</script>' })));
    expect((await listPostsByTag('en', s, 1))?.tag.label).toBe(xss);
    expect((await listPostsByTag('zh', s, 1))?.tag.label).toBe('<script>x</script>');
    const { version } = (await as(admin, () => getTagForAdmin(id)))!;
    for (const [labelZh, key] of [['a'.repeat(61), 'TagForm.errors.labelTooLong'], ['bad\u0007label', 'TagForm.errors.labelInvalid'], ['bad\u0000label', 'FormErrors.nulCharacter']]) {
      const result = await as(admin, () => updateTagLabelsAction(null, form({ id, version: String(version), labelZh: labelZh! })));
      expect(result).toMatchObject({ ok: false, fieldErrors: { labelZh: [key] } });
    }
  });
});

describe('deleting a tag', () => {
  it('deletes one no post uses, with an audit row', async () => {
    const { id, slug: s } = await as(admin, () => createTag({ slug: slug('unused'), labelEn: 'Unused', labelZh: '' }));
    await expect(as(admin, () => deleteTagAction(null, form({ id })))).rejects.toMatchObject(redirectTo(`/zh/admin/tags?deleted=${s}`));
    expect(await db.tag.findUnique({ where: { id } })).toBeNull();
    expect((await db.auditLog.findMany({ where: { targetId: id }, select: { action: true } })).map((a) => a.action)).toEqual(['tag.create', 'tag.delete']);
    expect(await listPostsByTag('en', s, 1)).toBeNull();
  });

  it('refuses one a post uses, says why, and keeps it and its posts', async () => {
    const { id } = await as(admin, () => createTag({ slug: slug('used'), labelEn: 'Used', labelZh: '' }));
    await tagPost(id);
    expect((await as(admin, () => getTagForAdmin(id)))?.postCount).toBe(1);
    await expect(as(admin, () => deleteTag(id))).rejects.toMatchObject({ code: 'IN_USE' });
    const before = await snapshot();
    expect(await as(admin, () => deleteTagAction(null, form({ id })))).toMatchObject({ ok: false, formError: 'TagForm.errors.inUse' });
    expect(await snapshot()).toEqual(before);
    expect(await db.postTag.count({ where: { tagId: id } })).toBe(1);
  });
});

describe('the admin list', () => {
  it('pages through hundreds of tags and finds them by slug or label, ignoring case', async () => {
    const prefix = slug('many');
    const count = TAG_PAGE_SIZE * 2 + 7;
    await db.tag.createMany({ data: Array.from({ length: count }, (_, i) => ({ slug: `${prefix}-${String(i).padStart(3, '0')}`, labels: i === 5 ? { zh: `特别标签${prefix}` } : {} })) });
    const first = await as(admin, () => listTagsForAdmin({ page: 1, q: prefix.toUpperCase() }));
    expect(first).toMatchObject({ total: count, pages: 3, page: 1 });
    expect(first.items).toHaveLength(TAG_PAGE_SIZE);
    expect(first.items[0]?.slug).toBe(`${prefix}-000`);
    const last = await as(admin, () => listTagsForAdmin({ page: 3, q: prefix }));
    expect(last.items.map((t) => t.slug)).toEqual(Array.from({ length: 7 }, (_, i) => `${prefix}-${100 + i}`));
    const byLabel = await as(admin, () => listTagsForAdmin({ page: 1, q: `特别标签${prefix}` }));
    expect(byLabel.items.map((t) => t.slug)).toEqual([`${prefix}-005`]);
    expect(byLabel.items[0]).toMatchObject({ postCount: 0, labels: { en: '', zh: `特别标签${prefix}` }, shown: { en: `${prefix}-005` } });
  });
});
