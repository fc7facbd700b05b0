import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/dal/session', () => import('./support').then((m) => m.mockSession()));

import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/dal/session';
import { cancelEvent, createEvent, deleteEvent, duplicateEvent, getEventForEdit, listAdminEvents, updateEvent } from '@/lib/dal/events-admin';
import { cancelEventAction, createEventAction, deleteEventAction, duplicateEventAction, updateEventAction } from '@/lib/actions/events';
import { as, eventInput, person, unique } from './support';

let admin: CurrentUser;
let target: { id: string; slug: string };

const snapshot = async () => ({
  events: await db.event.count(),
  audit: await db.auditLog.count(),
  target: await db.event.findUnique({ where: { id: target.id }, select: { status: true, version: true, sequence: true, city: true } }),
});

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

beforeAll(async () => {
  const row = await db.user.create({ data: { email: `${unique('admin')}@test.example`, role: 'ADMIN' }, select: { id: true } });
  admin = person('ADMIN', row.id);
  target = await as(admin, () => createEvent(eventInput()));
});

const visitors: [string, () => CurrentUser | null, string][] = [
  ['a visitor', () => null, 'UNAUTHENTICATED'],
  ['a volunteer', () => person('VOLUNTEER', 'volunteer-1'), 'FORBIDDEN'],
  ['a reviewer', () => person('REVIEWER', 'reviewer-1'), 'FORBIDDEN'],
];

describe.each(visitors)('%s', (_label, who, code) => {
  it('cannot call any admin event function of the data layer, and nothing changes', async () => {
    const before = await snapshot();
    const calls: (() => Promise<unknown>)[] = [
      () => listAdminEvents(1, 'en'),
      () => getEventForEdit(target.id),
      () => createEvent(eventInput()),
      () => updateEvent(target.id, 1, eventInput({ slug: target.slug, city: 'Hacked' })),
      () => duplicateEvent(target.id),
      () => cancelEvent(target.id),
      () => deleteEvent(target.id),
    ];
    for (const call of calls) await expect(as(who(), call)).rejects.toMatchObject({ code });
    expect(await snapshot()).toEqual(before);
  });

  it('gets a refusal from every admin event action called directly, and nothing changes', async () => {
    const before = await snapshot();
    const key = code === 'UNAUTHENTICATED' ? 'FormErrors.unauthenticated' : 'FormErrors.forbidden';
    const fields = {
      type: 'MEETUP',
      status: 'PUBLISHED',
      mode: 'ONLINE',
      timeZone: 'Asia/Shanghai',
      startsAt: '2027-03-01T10:00',
      endsAt: '2027-03-01T12:00',
      title_en: 'Sneaky',
      city: 'Hacked',
    };
    const results = await as(who(), async () => [
      await createEventAction(null, form(fields)),
      await updateEventAction(null, form({ ...fields, id: target.id, version: '1' })),
      await duplicateEventAction(null, form({ id: target.id })),
      await cancelEventAction(null, form({ id: target.id })),
      await deleteEventAction(null, form({ id: target.id })),
    ]);
    for (const result of results) expect(result).toEqual({ ok: false, formError: key });
    expect(await snapshot()).toEqual(before);
  });
});
