// Event times as text, with Intl only, so the server (event zone) and the browser (viewer's
// zone) format them the same way.

const INTL_LOCALE: Record<string, string> = { en: 'en', zh: 'zh-CN' };

// dateStyle rather than separate fields: Chinese then reads 2026年12月12日星期六, not 2026/12/12周六.
const RANGE: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };

/** "Saturday, December 5, 2026, 2:00 – 6:00 PM" in `timeZone`, shortened when both ends share a day. */
export function formatEventRange(startsAt: string, endsAt: string, timeZone: string, locale: string): string {
  const format = new Intl.DateTimeFormat(INTL_LOCALE[locale] ?? locale, { ...RANGE, timeZone });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

export function formatEventMoment(instant: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale] ?? locale, { ...RANGE, timeZone }).format(new Date(instant));
}

/** "GMT+8", "GMT-4": the offset the zone had at that instant (it differs across DST). */
export function zoneOffsetLabel(instant: string, timeZone: string, locale: string): string {
  const parts = new Intl.DateTimeFormat(INTL_LOCALE[locale] ?? locale, { timeZone, timeZoneName: 'shortOffset' }).formatToParts(new Date(instant));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** Month and day for a card's date badge, in the event's zone. */
export function dateBadge(instant: string, timeZone: string, locale: string): { month: string; day: string; year: string } {
  const tag = INTL_LOCALE[locale] ?? locale;
  const date = new Date(instant);
  // Each part formatted alone, so Chinese gets "12月" rather than a bare "12" above the day.
  const part = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(tag, { timeZone, ...options }).format(date);
  return { month: part({ month: 'short' }), day: part({ day: 'numeric' }).replace(/\D/g, ''), year: part({ year: 'numeric' }).replace(/\D/g, '') };
}
