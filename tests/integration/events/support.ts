// Acting as a user in the events tests: only the session lookup is replaced (the database is
// real), and AuthError and hasRole stay the application's own.
//   vi.mock('@/lib/dal/session', () => import('./support').then((m) => m.mockSession()));
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { CurrentUser, Role } from '@/lib/dal/session';
import type { EventInput } from '@/lib/validations/events';

const acting = new AsyncLocalStorage<CurrentUser | null>();

export async function mockSession() {
  const { vi } = await import('vitest');
  const real = await vi.importActual<typeof import('@/lib/dal/session')>('@/lib/dal/session');
  const getCurrentUser = async () => acting.getStore() ?? null;
  const requireUser = async () => {
    const user = await getCurrentUser();
    if (!user) throw new real.AuthError('UNAUTHENTICATED');
    return user;
  };
  const requireRole = async (role: Role) => {
    const user = await requireUser();
    if (!real.hasRole(user, role)) throw new real.AuthError('FORBIDDEN');
    return user;
  };
  return { ...real, getCurrentUser, requireUser, requireRole };
}

/** Runs `fn` as `user` (null: a visitor). */
export function as<T>(user: CurrentUser | null, fn: () => Promise<T>): Promise<T> {
  return acting.run(user, fn);
}

export function person(role: Role, id: string): CurrentUser {
  return { id, role, name: `Test ${role}`, email: `${id}@test.example` };
}

export const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

const HOUR = 3_600_000;

/** A valid published event starting `inHours` from now (negative: in the past). */
export function eventInput(overrides: Partial<EventInput> = {}, inHours = 24 * 30): EventInput {
  const startsAt = new Date(Date.now() + inHours * HOUR);
  return {
    slug: unique('ev'),
    type: 'MEETUP',
    status: 'PUBLISHED',
    publishAt: null,
    timeZone: 'Asia/Shanghai',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3 * HOUR),
    mode: 'IN_PERSON',
    venueName: 'Community room',
    venueAddress: null,
    city: 'Beijing',
    registrationUrl: 'https://example.com/register',
    registrationDeadline: null,
    capacity: 50,
    coverImage: null,
    partners: [{ name: 'PaddlePaddle', url: 'https://www.paddlepaddle.org.cn', logo: null }],
    localizations: [
      { locale: 'en', title: 'LoRA meetup', summary: 'Fine-tuning, together.', description: 'We **fine-tune**.' },
      { locale: 'zh', title: 'LoRA 见面会', summary: '一起微调。', description: '我们一起**微调**。' },
    ],
    ...overrides,
  };
}
