import { parseDayRange, type DayRange, zonedTime } from './dates';
import { contentHash } from './hash';
import { slugify, webUrl } from './names';
import { describeIssue, eventEntrySchema, type EventEntry } from './schemas';
import type { ImportedEvent } from './types';

/** Events from `_events.yml` are all-day, in the community's own time zone. */
export const EVENT_TIME_ZONE = 'Asia/Shanghai';

type EventType = ImportedEvent['type'];

// First match wins: "社区冲刺活动北京见面会" is a sprint before it is a meetup.
const TYPE_KEYWORDS: [EventType, RegExp][] = [
  ['HACKATHON', /hackathon|hack-a-thon|sprint|黑客松|黑客马拉松|冲刺/i],
  ['COMPETITION', /competition|challenge|contest|比赛|竞赛|大赛|挑战赛/i],
  ['COURSE', /course|workshop|bootcamp|课程|训练营|工作坊/i],
  ['MEETUP', /meetup|meet-up|party|reading group|见面会|聚会|沙龙|读书会/i],
  ['TALK', /talk|webinar|live|presentation|office hours|讲座|直播|分享会|研讨会/i],
];

export function guessEventType(name: string): EventType {
  return TYPE_KEYWORDS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'OTHER';
}

export type EventFile = { path: string; locale: string; items: unknown[] };

type Draft = Omit<ImportedEvent, 'importHash'> & { files: Set<string> };

export type EventPlan = { events: (ImportedEvent & { files: string[] })[]; warnings: Map<string, string[]> };

/**
 * The `date` is the event's last day; `date_formatted` may spell out the range
 * ("Jan 24 to Feb 7, 2022"). Either may be a range itself.
 */
function daysOf(entry: EventEntry): DayRange | null {
  const end = parseDayRange(entry.date);
  const shown = entry.date_formatted ? parseDayRange(entry.date_formatted) : null;
  if (end && shown && shown.end.year === end.end.year && shown.end.month === end.end.month && shown.end.day === end.end.day) return shown;
  return end ?? shown;
}

function endDayKey(range: DayRange) {
  const { year, month, day } = range.end;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Turns the `_events.yml` of every language into events. The root file's entries define events;
 * an entry in `<lang>/_events.yml` is the same event in another language when it names the same
 * `slug` (written by Qiao's export) or the same `link`, and an event of its own otherwise.
 */
export function planEvents(files: EventFile[], rootLocale: string): EventPlan {
  const bySlug = new Map<string, Draft>();
  const byLink = new Map<string, Draft>();
  const warnings = new Map<string, string[]>();
  const ordered = [...files].sort((a, b) => Number(b.locale === rootLocale) - Number(a.locale === rootLocale));

  for (const file of ordered) {
    const warn = (msg: string) => warnings.set(file.path, [...(warnings.get(file.path) ?? []), msg]);
    const parsed = file.items.map((item, i) => {
      const result = eventEntrySchema.safeParse(item);
      if (!result.success) warn(`entry ${i + 1} skipped: ${describeIssue(result.error)}`);
      return result.success ? result.data : null;
    });
    const nameCounts = new Map<string, number>();
    for (const e of parsed) if (e) nameCounts.set(slugify(e.name), (nameCounts.get(slugify(e.name)) ?? 0) + 1);

    parsed.forEach((entry, i) => {
      if (!entry) return;
      const range = daysOf(entry);
      if (!range) return warn(`entry ${i + 1} ("${entry.name}") skipped: date "${entry.date ?? entry.date_formatted ?? ''}" not understood`);
      const notes: string[] = [];
      const link = webUrl(entry.link, `entry ${i + 1} ("${entry.name}"): link`, notes);
      notes.forEach(warn);
      const localization = { locale: file.locale, title: entry.name, description: entry.description };
      const paired = (entry.slug ? bySlug.get(entry.slug) : undefined) ?? (file.locale !== rootLocale && link ? byLink.get(link) : undefined);
      if (paired && !paired.localizations.some((l) => l.locale === file.locale)) {
        paired.localizations.push(localization);
        paired.files.add(file.path);
        return;
      }
      const base = slugify(entry.name) || 'event';
      let slug = entry.slug ?? ((nameCounts.get(base) ?? 0) > 1 || bySlug.has(base) ? `${base}-${endDayKey(range)}` : base);
      for (let n = 2; bySlug.has(slug); n += 1) slug = `${entry.slug ?? base}-${n}`;
      if (entry.slug && slug !== entry.slug) warn(`slug "${entry.slug}" is used twice; the second is "${slug}"`);
      const draft: Draft = {
        slug,
        type: entry.type ? (entry.type.toUpperCase() as EventType) : guessEventType(entry.name),
        startsAt: zonedTime(range.start, 0, 0, EVENT_TIME_ZONE),
        endsAt: zonedTime(range.end, 23, 59, EVENT_TIME_ZONE),
        timeZone: EVENT_TIME_ZONE,
        registrationUrl: link,
        localizations: [localization],
        files: new Set([file.path]),
      };
      bySlug.set(slug, draft);
      if (link && !byLink.has(link)) byLink.set(link, draft);
    });
  }

  const events = [...bySlug.values()].map(({ files: paths, ...event }) => {
    const sorted = { ...event, localizations: [...event.localizations].sort((a, b) => a.locale.localeCompare(b.locale)) };
    return { ...sorted, importHash: contentHash(sorted), files: [...paths] };
  });
  return { events, warnings };
}
