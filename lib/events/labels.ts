import type { EventModeName, EventTypeName } from '@/lib/dal/events';

// Message keys for the enum values (keys are camelCase, the database's values are not).
export const TYPE_KEY: Record<EventTypeName, string> = {
  HACKATHON: 'hackathon',
  MEETUP: 'meetup',
  COURSE: 'course',
  COMPETITION: 'competition',
  TALK: 'talk',
  OTHER: 'other',
};

export const MODE_KEY: Record<EventModeName, string> = { ONLINE: 'online', IN_PERSON: 'inPerson', HYBRID: 'hybrid' };

export const STATUS_KEY = { DRAFT: 'draft', SCHEDULED: 'scheduled', PUBLISHED: 'published', CANCELLED: 'cancelled' } as const;

/** Partner rows an event can have; here rather than in the validations so the form can use it without zod. */
export const MAX_PARTNERS = 12;
