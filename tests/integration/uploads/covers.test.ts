import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/dal/session', () => import('../events/support').then((m) => m.mockSession()));
const revalidated = vi.hoisted(() => ({ paths: [] as string[], tags: [] as string[] }));
vi.mock('next/cache', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/cache')>()),
  revalidatePath: (path: string) => void revalidated.paths.push(path),
  revalidateTag: (tag: string) => void revalidated.tags.push(tag),
}));
// The event actions end on a redirect to the admin list; outside Next it is a thrown value.
vi.mock('next/navigation', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/navigation')>()),
  redirect: (url: string) => {
    throw { redirectedTo: url };
  },
}));
vi.mock('next-intl/server', async (importOriginal) => ({ ...(await importOriginal<typeof import('next-intl/server')>()), getLocale: async () => 'en' }));

import sharp from 'sharp';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/dal/session';
import { createEvent } from '@/lib/dal/events-admin';
import { createEventAction, updateEventAction } from '@/lib/actions/events';
import { setPostThumbnail } from '@/lib/dal/post-thumbnails';
import { setPostThumbnailAction } from '@/lib/actions/post-thumbnail';
import { readImage } from '@/lib/uploads/store';
import { MAX_UPLOAD_BYTES } from '@/lib/uploads/image';
import { as, eventInput, person, unique } from '../events/support';
import { makePost, removeRunPosts } from '../posts-admin/support';

let admin: CurrentUser;

beforeAll(async () => {
  const row = await db.user.create({ data: { email: `${unique('admin')}@test.example`, role: 'ADMIN' }, select: { id: true } });
  admin = person('ADMIN', row.id);
});
beforeEach(() => {
  revalidated.paths.length = 0;
  revalidated.tags.length = 0;
});
afterAll(removeRunPosts);

const png = () => sharp({ create: { width: 32, height: 16, channels: 3, background: '#0a6' } }).png().toBuffer();
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Files an attacker might send, and the message each must get. */
const malicious = (): [string, () => Uint8Array, string][] => [
  ['a PNG that is really HTML', () => Buffer.concat([Buffer.from(PNG_SIGNATURE), Buffer.from('<html><script>alert(1)</script></html>')]), 'Uploads.errors.invalidImage'],
  ['an SVG with a script', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'), 'Uploads.errors.unsupportedType'],
  ['an oversize file', () => {
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0);
    big.set(PNG_SIGNATURE);
    return big;
  }, 'Uploads.errors.tooLarge'],
];

const outsiders: [string, () => CurrentUser | null, string, string][] = [
  ['a visitor', () => null, 'UNAUTHENTICATED', 'FormErrors.unauthenticated'],
  ['a volunteer', () => person('VOLUNTEER', 'volunteer-1'), 'FORBIDDEN', 'FormErrors.forbidden'],
];

function form(fields: Record<string, string | Blob>, files: Record<string, { bytes: Uint8Array; name: string; type: string }> = {}) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  for (const [k, f] of Object.entries(files)) data.set(k, new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
  return data;
}

async function expectStored(url: string | null | undefined) {
  expect(url).toMatch(/^\/uploads\/[^/]+\.png$/);
  const stored = await readImage(url!.slice('/uploads/'.length));
  expect(stored?.contentType).toBe('image/png');
  expect((await sharp(stored!.data).metadata()).width).toBe(32);
}

const audits = (targetId: string) => db.auditLog.findMany({ where: { targetId }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true, data: true } });

describe('event covers', () => {
  const eventFields = (slug: string) => ({
    slug,
    type: 'MEETUP',
    status: 'PUBLISHED',
    mode: 'ONLINE',
    timeZone: 'Asia/Shanghai',
    startsAt: '2027-03-01T10:00',
    endsAt: '2027-03-01T12:00',
    title_en: 'Cover meetup',
  });
  const cover = async (id: string) => (await db.event.findUniqueOrThrow({ where: { id }, select: { coverImage: true, version: true } }));

  it('an admin uploads a cover when creating an event, replaces it, then removes it; each save is audited', async () => {
    const slug = unique('cover');
    await expect(as(admin, async () => createEventAction(null, form(eventFields(slug), { coverFile: { bytes: await png(), name: 'cover.png', type: 'image/png' } })))).rejects.toEqual({
      redirectedTo: `/en/admin/events?saved=${slug}`,
    });
    const created = await db.event.findUniqueOrThrow({ where: { slug }, select: { id: true, coverImage: true, version: true } });
    await expectStored(created.coverImage);
    expect(revalidated.paths).toContain(`/en/events/${slug}`);

    // A new upload on edit replaces it, and the version check still applies.
    const edit = () => form({ ...eventFields(slug), id: created.id, version: String(created.version) }, { coverFile: { bytes: Buffer.from(PNG_SIGNATURE), name: 'x.png', type: 'image/png' } });
    const replaced = form({ ...eventFields(slug), id: created.id, version: String(created.version) });
    replaced.set('coverFile', new File([new Uint8Array(await png())], 'new.png', { type: 'image/png' }));
    await expect(as(admin, () => updateEventAction(null, replaced))).rejects.toHaveProperty('redirectedTo');
    const after = await cover(created.id);
    await expectStored(after.coverImage);
    expect(after.coverImage).not.toBe(created.coverImage);
    expect(after.version).toBe(created.version + 1);
    // The form it was based on is now stale: refused, even with a file.
    expect(await as(admin, () => updateEventAction(null, edit()))).toMatchObject({ ok: false });

    const removed = form({ ...eventFields(slug), id: created.id, version: String(after.version), coverImage: after.coverImage!, removeCover: 'on' });
    await expect(as(admin, () => updateEventAction(null, removed))).rejects.toHaveProperty('redirectedTo');
    expect((await cover(created.id)).coverImage).toBeNull();
    const covers = (await audits(created.id)).filter((a) => a.action === 'event.cover');
    expect(covers).toEqual([
      { action: 'event.cover', actorId: admin.id, data: { slug, from: created.coverImage, to: after.coverImage } },
      { action: 'event.cover', actorId: admin.id, data: { slug, from: after.coverImage, to: null } },
    ]);
  });

  it.each(malicious())('refuses %s with its message, keeps what was typed, and stores nothing', async (_label, bytes, key) => {
    const event = await as(admin, () => createEvent(eventInput()));
    const before = await cover(event.id);
    const fields = { ...eventFields(event.slug), id: event.id, version: String(before.version) };
    const result = await as(admin, () => updateEventAction(null, form(fields, { coverFile: { bytes: bytes(), name: 'cover.png', type: 'image/png' } })));
    expect(result).toMatchObject({ ok: false, fieldErrors: { coverFile: [key] }, values: { title_en: 'Cover meetup' } });
    expect(await cover(event.id)).toEqual(before);

    const slug = unique('refused');
    expect(await as(admin, () => createEventAction(null, form(eventFields(slug), { coverFile: { bytes: bytes(), name: 'c.png', type: 'image/png' } })))).toMatchObject({
      ok: false,
      fieldErrors: { coverFile: [key] },
    });
    expect(await db.event.findUnique({ where: { slug } })).toBeNull();
  });

  it.each(outsiders)('refuses %s, and nothing changes', async (_label, who, _code, key) => {
    const event = await as(admin, () => createEvent(eventInput()));
    const before = { row: await cover(event.id), audit: await db.auditLog.count() };
    const result = await as(who(), async () =>
      updateEventAction(null, form({ ...eventFields(event.slug), id: event.id, version: String(before.row.version) }, { coverFile: { bytes: await png(), name: 'c.png', type: 'image/png' } })),
    );
    expect(result).toEqual({ ok: false, formError: key });
    expect({ row: await cover(event.id), audit: await db.auditLog.count() }).toEqual(before);
  });
});

describe('post thumbnails', () => {
  const thumbnail = async (slug: string) => (await db.post.findUniqueOrThrow({ where: { slug }, select: { thumbnail: true } })).thumbnail;
  const newPost = () => makePost('thumb', { en: { title: 'Thumbnail post', body: 'Text.' }, zh: { title: '缩略图文章', body: '正文。' } });

  it('an admin uploads a thumbnail and removes it: audited in the same write, and the post pages revalidated', async () => {
    const post = await newPost();
    const result = await as(admin, async () => setPostThumbnailAction(null, form({ slug: post.slug }, { thumbnail: { bytes: await png(), name: 't.png', type: 'image/png' } })));
    expect(result).toEqual({ ok: true });
    const url = await thumbnail(post.slug);
    await expectStored(url);
    expect(revalidated.tags).toContain('posts');
    expect(revalidated.paths).toEqual(expect.arrayContaining([`/en/blog/${post.slug}`, `/zh/blog/${post.slug}`]));

    expect(await as(admin, () => setPostThumbnailAction(null, form({ slug: post.slug, removeThumbnail: 'on' })))).toEqual({ ok: true });
    expect(await thumbnail(post.slug)).toBeNull();
    expect(await audits(post.id)).toEqual([
      { action: 'post.thumbnail.set', actorId: admin.id, data: { slug: post.slug, from: null, to: url } },
      { action: 'post.thumbnail.remove', actorId: admin.id, data: { slug: post.slug, from: url, to: null } },
    ]);
  });

  it.each(malicious())('refuses %s with its message and stores nothing', async (_label, bytes, key) => {
    const post = await newPost();
    const result = await as(admin, () => setPostThumbnailAction(null, form({ slug: post.slug }, { thumbnail: { bytes: bytes(), name: 't.png', type: 'image/png' } })));
    expect(result).toMatchObject({ ok: false, fieldErrors: { thumbnail: [key] } });
    expect(await thumbnail(post.slug)).toBeNull();
    expect(await audits(post.id)).toEqual([]);
  });

  it('asks for a file when neither a file nor removal is sent, and refuses an unknown post', async () => {
    const post = await newPost();
    expect(await as(admin, () => setPostThumbnailAction(null, form({ slug: post.slug })))).toMatchObject({ ok: false, fieldErrors: { thumbnail: ['PostThumbnail.errors.noFile'] } });
    expect(await as(admin, () => setPostThumbnailAction(null, form({ slug: 'no-such-post-xyz', removeThumbnail: 'on' })))).toMatchObject({ ok: false, formError: 'PostThumbnail.errors.notFound' });
  });

  it.each(outsiders)('refuses %s in the action and the data layer, and nothing changes', async (_label, who, code, key) => {
    const post = await newPost();
    const audit = await db.auditLog.count();
    expect(await as(who(), async () => setPostThumbnailAction(null, form({ slug: post.slug }, { thumbnail: { bytes: await png(), name: 't.png', type: 'image/png' } })))).toEqual({ ok: false, formError: key });
    await expect(as(who(), () => setPostThumbnail(post.slug, '/uploads/evil.png'))).rejects.toMatchObject({ code });
    expect(await thumbnail(post.slug)).toBeNull();
    expect(await db.auditLog.count()).toBe(audit);
  });
});
