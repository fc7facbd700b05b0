// Wall-clock times in IANA time zones. Temporal (the TC39 polyfill) is used rather than offset
// arithmetic on Date because it resolves a local time against the zone's rules the way the
// standard defines it: a time skipped by a DST change (the gap) or repeated by one (the fold)
// is reported instead of silently moved an hour, and historical rules (China's 1986–1991 DST)
// come from the same tz database the runtime formats dates with.
import { Temporal } from '@js-temporal/polyfill';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** `YYYY-MM-DDTHH:mm`, as an `<input type="datetime-local">` sends it. */
export type WallTime = string;

export type ZoneProblem = 'invalid' | 'unknownZone' | 'nonexistent' | 'ambiguous';

export type Resolved = { ok: true; instant: Date; timeZone: string } | { ok: false; problem: ZoneProblem };

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The zone's canonical spelling (`asia/shanghai` → `Asia/Shanghai`), or null when unknown. */
export function canonicalTimeZone(zone: string): string | null {
  if (!zone || zone.length > 64) return null;
  try {
    return Temporal.Now.zonedDateTimeISO(zone).timeZoneId;
  } catch {
    return null;
  }
}

function parseWallTime(value: string): Temporal.PlainDateTime | null {
  const m = WALL_TIME.exec(value.trim());
  if (!m) return null;
  try {
    // 'reject' refuses 2026-02-30 instead of clamping it to the 28th.
    return Temporal.PlainDateTime.from(
      { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: m[6] ? +m[6] : 0 },
      { overflow: 'reject' },
    );
  } catch {
    return null;
  }
}

/**
 * The one instant a wall-clock time names in a zone. A time inside a DST gap names none, a time
 * inside a fold names two: both are refused rather than guessed, so the organiser decides.
 */
export function resolveWallTime(wall: WallTime, zone: string): Resolved {
  const timeZone = canonicalTimeZone(zone);
  if (!timeZone) return { ok: false, problem: 'unknownZone' };
  const local = parseWallTime(wall);
  if (!local) return { ok: false, problem: 'invalid' };
  const earlier = local.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  const later = local.toZonedDateTime(timeZone, { disambiguation: 'later' });
  // In a gap Temporal moves the time off the wall clock the organiser wrote.
  if (!earlier.toPlainDateTime().equals(local) || !later.toPlainDateTime().equals(local)) return { ok: false, problem: 'nonexistent' };
  if (earlier.epochMilliseconds !== later.epochMilliseconds) return { ok: false, problem: 'ambiguous' };
  return { ok: true, instant: new Date(earlier.epochMilliseconds), timeZone };
}

/** The wall-clock time an instant shows in a zone, in the form the datetime-local input takes. */
export function toWallTime(instant: Date, zone: string): WallTime {
  const z = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(zone);
  return z.toPlainDateTime().toString({ smallestUnit: 'minute' });
}

/** ISO 8601 with the zone's offset (`2026-12-05T14:00:00+08:00`), as schema.org asks for. */
export function toOffsetIso(instant: Date, zone: string): string {
  const z = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(zone);
  return z.toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/** The zone's offset from UTC at an instant, in minutes. */
export function offsetMinutes(instant: Date, zone: string): number {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(zone).offsetNanoseconds / 60_000_000_000;
}

export type Transition = { at: Date; offsetBefore: number; offsetAfter: number };

/** The zone's offset changes in force over [from, to]: the last one before `from`, then every one up to `to`. */
export function transitionsBetween(zone: string, from: Date, to: Date): { initialOffset: number; transitions: Transition[] } {
  const start = Temporal.Instant.fromEpochMilliseconds(from.getTime()).toZonedDateTimeISO(zone);
  const transitions: Transition[] = [];
  const previous = start.getTimeZoneTransition('previous');
  let cursor = previous ?? start;
  if (previous) transitions.push(describe(previous));
  // A zone changes its offset at most a few times a year; the bound only guards a runaway loop.
  for (let i = 0; i < 1000; i += 1) {
    const next = cursor.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds > to.getTime()) break;
    transitions.push(describe(next));
    cursor = next;
  }
  return { initialOffset: offsetMinutes(from, zone), transitions };
}

function describe(at: Temporal.ZonedDateTime): Transition {
  const before = at.subtract({ nanoseconds: 1 });
  return { at: new Date(at.epochMilliseconds), offsetBefore: before.offsetNanoseconds / 60_000_000_000, offsetAfter: at.offsetNanoseconds / 60_000_000_000 };
}

let zoneList: string[] | null = null;

/** Every IANA zone the runtime knows, for the organiser to choose from; UTC first. */
export function listTimeZones(): string[] {
  zoneList ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  return zoneList;
}
