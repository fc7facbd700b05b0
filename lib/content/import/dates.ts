// Dates as communities write them in `_blog.yml` and `_events.yml`: "February 14, 2020",
// "Sep 10, 2020", "March, 2020", "2023-04-22", and event ranges such as "Jan 24 to Feb 7, 2022"
// or "Jan 7 & 8, 2022". Parsed by hand: `Date.parse` of free text differs between engines.

export type CalendarDay = { year: number; month: number; day: number };
export type DayRange = { start: CalendarDay; end: CalendarDay };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function monthOf(name: string): number | null {
  const key = name.toLowerCase().slice(0, 3);
  const index = MONTHS.indexOf(key);
  if (index < 0) return null;
  // "Sept" and full names are fine; "Marchx" is not a month.
  const full = LONG_MONTHS[index]!.toLowerCase();
  const lower = name.toLowerCase().replace(/\.$/, '');
  return full.startsWith(lower) || lower === 'sept' ? index + 1 : null;
}

function valid(day: CalendarDay): CalendarDay | null {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day));
  return date.getUTCMonth() === day.month - 1 && date.getUTCDate() === day.day ? day : null;
}

const MONTH_DAY_YEAR = /^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})\s+([A-Za-z]+\.?),?\s+(\d{4})$/;
const MONTH_YEAR = /^([A-Za-z]+\.?),?\s+(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

/** One calendar day; `precise` is false for "March, 2020", read as the first of the month. */
export function parseDay(input: unknown): { day: CalendarDay; precise: boolean } | null {
  if (input instanceof Date && !Number.isNaN(input.getTime())) {
    return { day: { year: input.getUTCFullYear(), month: input.getUTCMonth() + 1, day: input.getUTCDate() }, precise: true };
  }
  if (typeof input !== 'string') return null;
  const text = input.trim().replace(/\s+/g, ' ');
  let m = ISO.exec(text);
  if (m) return wrap({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  m = CHINESE.exec(text);
  if (m) return wrap({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  m = MONTH_DAY_YEAR.exec(text);
  if (m) {
    const month = monthOf(m[1]!);
    return month ? wrap({ year: Number(m[3]), month, day: Number(m[2]) }) : null;
  }
  m = DAY_MONTH_YEAR.exec(text);
  if (m) {
    const month = monthOf(m[2]!);
    return month ? wrap({ year: Number(m[3]), month, day: Number(m[1]) }) : null;
  }
  m = MONTH_YEAR.exec(text);
  if (m) {
    const month = monthOf(m[1]!);
    const day = month ? valid({ year: Number(m[2]), month, day: 1 }) : null;
    return day ? { day, precise: false } : null;
  }
  return null;
}

function wrap(day: CalendarDay) {
  const checked = valid(day);
  return checked ? { day: checked, precise: true } : null;
}

const ISO_RANGE = /^(\d{4}-\d{2}-\d{2})\s*(?:to|–|—|~|\/|\s-\s|至)\s*(\d{4}-\d{2}-\d{2})$/;
const RANGE_SEPARATOR = /\s*(?:\bto\b|–|—|&|(?<=\d)\s*-\s*(?=[A-Za-z\d])|至|~)\s*/;

/**
 * A single day or a range. The end of "Jan 7 & 8, 2022" or "April 22-23, 2023" borrows its
 * month and year from the start, and the start of "Jan 24 to Feb 7, 2022" borrows the year.
 */
export function parseDayRange(input: unknown): DayRange | null {
  const single = parseDay(input);
  if (single?.precise) return { start: single.day, end: single.day };
  if (typeof input !== 'string') return null;
  const iso = ISO_RANGE.exec(input.trim());
  if (iso) {
    const start = parseDay(iso[1])?.day;
    const end = parseDay(iso[2])?.day;
    return start && end && !isAfter(start, end) ? { start, end } : null;
  }
  const parts = input.trim().split(RANGE_SEPARATOR);
  if (parts.length !== 2) return null;
  const [left, right] = parts as [string, string];
  const end = parseDay(right)?.day ?? null;
  if (!end) {
    // "April 22-23, 2023": the right side is a bare day followed by the year.
    const tail = /^(\d{1,2}),?\s+(\d{4})$/.exec(right.trim());
    const head = /^([A-Za-z]+\.?)\s+(\d{1,2})$/.exec(left.trim());
    if (!tail || !head) return null;
    const month = monthOf(head[1]!);
    if (!month) return null;
    const start = valid({ year: Number(tail[2]), month, day: Number(head[2]) });
    const last = valid({ year: Number(tail[2]), month, day: Number(tail[1]) });
    return start && last && !isAfter(start, last) ? { start, end: last } : null;
  }
  const start = parseDay(left)?.day ?? parseDay(`${left.trim()}, ${end.year}`)?.day ?? null;
  if (!start || isAfter(start, end)) return null;
  return { start, end };
}

export function isAfter(a: CalendarDay, b: CalendarDay): boolean {
  return a.year !== b.year ? a.year > b.year : a.month !== b.month ? a.month > b.month : a.day > b.day;
}

/** Midnight UTC of a day: how the blog index dates are stored (`publishedAt`). */
export function utcMidnight(day: CalendarDay): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day));
}

export function dayOfUtc(date: Date): CalendarDay {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The calendar day an instant falls on in an IANA time zone. */
export function dayInZone(date: Date, timeZone: string): CalendarDay {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** The instant a wall-clock time happens in an IANA time zone (DST-safe to the minute). */
export function zonedTime(day: CalendarDay, hour: number, minute: number, timeZone: string): Date {
  const guess = Date.UTC(day.year, day.month - 1, day.day, hour, minute);
  const shown = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(guess));
  const get = (type: string) => Number(shown.find((p) => p.type === type)?.value);
  const asIfUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess - (asIfUtc - guess));
}

/** "February 14, 2020": the long form `_blog.yml` uses. */
export function formatLongDay(day: CalendarDay): string {
  return `${LONG_MONTHS[day.month - 1]} ${day.day}, ${day.year}`;
}

/** "Feb 3, 2014": the form `_events.yml` asks for. */
export function formatShortDay(day: CalendarDay): string {
  return `${shortMonth(day.month)} ${day.day}, ${day.year}`;
}

/** "Jan 24 to Feb 7, 2022", or "Dec 30, 2022 to Jan 2, 2023" across a year. */
export function formatShortRange(range: DayRange): string {
  const { start, end } = range;
  if (start.year !== end.year) return `${formatShortDay(start)} to ${formatShortDay(end)}`;
  return `${shortMonth(start.month)} ${start.day} to ${shortMonth(end.month)} ${end.day}, ${end.year}`;
}

function shortMonth(month: number): string {
  const name = LONG_MONTHS[month - 1]!;
  return name.slice(0, 3);
}

export function sameDay(a: CalendarDay, b: CalendarDay): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}
