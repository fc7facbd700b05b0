import { transitionsBetween } from '@/lib/events/zoned-time';

// RFC 5545 §3.6.5. Written from the runtime's tz database rather than a bundled table, so the
// calendar file, the page and the validation all agree on what a zone's offset was. Only the
// offset changes around the events are listed (no RRULE): exact for past rules too.

function offset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** The local time (in the offset before the change) at which an observance starts. */
function localStart(at: Date, offsetMinutes: number): string {
  const local = new Date(at.getTime() + offsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${String(local.getUTCFullYear()).padStart(4, '0')}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}`
  );
}

function observance(kind: 'STANDARD' | 'DAYLIGHT', dtstart: string, from: number, to: number): string[] {
  return [`BEGIN:${kind}`, `DTSTART:${dtstart}`, `TZOFFSETFROM:${offset(from)}`, `TZOFFSETTO:${offset(to)}`, `END:${kind}`];
}

/** A VTIMEZONE for `zone` that covers every instant in [from, to]. */
export function vtimezone(zone: string, from: Date, to: Date): string {
  const { initialOffset, transitions } = transitionsBetween(zone, from, to);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  if (transitions.length === 0) {
    // A zone that never changed its offset (or not since records began).
    lines.push(...observance('STANDARD', '19700101T000000', initialOffset, initialOffset));
  }
  for (const t of transitions) {
    // Clocks going forward start summer time; a permanent change of standard offset is rare
    // enough that calendar clients only ever read the offsets.
    const kind = t.offsetAfter > t.offsetBefore ? 'DAYLIGHT' : 'STANDARD';
    lines.push(...observance(kind, localStart(t.at, t.offsetBefore), t.offsetBefore, t.offsetAfter));
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
