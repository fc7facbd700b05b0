import type { EventAttendance, EventQuery, EventTypeName } from '@/lib/dal/events';

const TYPES: readonly EventTypeName[] = ['HACKATHON', 'MEETUP', 'COURSE', 'COMPETITION', 'TALK', 'OTHER'];

type Params = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

/** `?when=past&type=meetup&attendance=online&page=2`; null (a 404) only for a malformed page. */
export function parseEventQuery(params: Params): EventQuery | null {
  const rawPage = params.page;
  if (rawPage !== undefined && (typeof rawPage !== 'string' || !/^[1-9][0-9]{0,5}$/.test(rawPage))) return null;
  const type = one(params.type)?.toUpperCase();
  const attendance = one(params.attendance);
  return {
    when: one(params.when) === 'past' ? 'past' : 'upcoming',
    // An unknown filter value is ignored rather than an error: links in the wild outlive enums.
    type: TYPES.find((t) => t === type) ?? null,
    attendance: attendance === 'online' || attendance === 'in-person' ? (attendance satisfies EventAttendance) : null,
    page: rawPage === undefined ? 1 : Number(rawPage),
  };
}
