import { dayInZone, dayOfUtc, formatLongDay, formatShortDay, formatShortRange, sameDay } from '@/lib/content/import/dates';
import { guessEventType } from '@/lib/content/import/events';
import { plainTextFromMarkdown } from '@/lib/markdown/reading-time';
import { stripLeadingTitle } from '@/lib/markdown/render';
import type { ExportAuthor, ExportDirectoryCard, ExportEvent, ExportLocalization, ExportPerson, ExportPost, ExportTag } from './types';
import { lines, quoted, scalar, withFrontMatter, type Line } from './yaml-text';

// Mirrors firstParagraph() in lib/content/prepare.ts: a summary equal to what the site would
// derive from the body is not written back, so that only summaries someone wrote survive.
const SUMMARY_LENGTH = 180;
function derivedSummary(title: string, body: string): string {
  const text = plainTextFromMarkdown(stripLeadingTitle(body, title));
  const para = text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).find((p) => p.length > 0) ?? '';
  const chars = Array.from(para);
  return chars.length <= SUMMARY_LENGTH ? para : `${chars.slice(0, SUMMARY_LENGTH - 1).join('').trimEnd()}…`;
}

export function explicitSummary(l: Pick<ExportLocalization, 'title' | 'summary' | 'body'>): string | null {
  if (!l.summary) return null;
  return l.summary === derivedSummary(l.title, l.body) ? null : l.summary;
}

function people(key: string, list: (ExportPerson & { proofreader?: boolean; organization?: string | null })[]): Line[] {
  if (list.length === 0) return [];
  return [
    `${key}:`,
    ...list.flatMap((p) => [
      `- user: ${scalar(p.handle)}`,
      p.isGuest && '  guest: true',
      p.organization && `  org: ${scalar(p.organization)}`,
      p.proofreader && '  proofreader: true',
    ]),
  ];
}

/**
 * One language version as a Markdown file in the Hugging Face dialect. The original carries the
 * post's fields; a translation repeats title, thumbnail and authors as the Hugging Face blog's
 * translations do, and credits its translators and proofreaders.
 */
export function postFile(post: ExportPost, localization: ExportLocalization, rootLocale: string): string {
  const isSource = localization.locale === post.sourceLocale;
  const summary = explicitSummary(localization);
  const credits = [...localization.translators, ...localization.proofreaders.map((p) => ({ ...p, proofreader: true }))];
  return withFrontMatter(
    [
      `title: ${quoted(localization.title)}`,
      post.thumbnail && `thumbnail: ${scalar(post.thumbnail)}`,
      post.forceLinkToOtherLanguage && 'forceLinkToOtherLanguage: on',
      ...people('authors', post.authors),
      ...(isSource ? [] : people('translators', credits)),
      isSource && post.sourceLocale !== rootLocale && `lang: ${scalar(post.sourceLocale)}`,
      summary && `summary: ${quoted(summary)}`,
      isSource && post.canonicalUrl && `canonical_url: ${scalar(post.canonicalUrl)}`,
    ],
    localization.body,
  );
}

export type IndexEntry = {
  slug: string;
  title: string;
  author: ExportPerson | null;
  thumbnail: string | null;
  date: Date | null;
  tags: string[];
};

// By calendar day, as written: the time of day is not exported, so it must not order entries.
const dayNumber = (date: Date | null) => (date ? Math.floor(date.getTime() / 86_400_000) : 0);

/** `_blog.yml`: oldest first, as the Hugging Face blog appends to it. */
export function blogIndexFile(entries: IndexEntry[]): string {
  const sorted = [...entries].sort((a, b) => dayNumber(a.date) - dayNumber(b.date) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const blocks = sorted.map((e) =>
    lines(
      `- local: ${scalar(e.slug)}`,
      `  title: ${quoted(e.title)}`,
      e.author && `  author: ${scalar(e.author.handle)}`,
      e.author?.isGuest && '  guest: true',
      e.thumbnail && `  thumbnail: ${scalar(e.thumbnail)}`,
      e.date && `  date: ${formatLongDay(dayOfUtc(e.date))}`,
      e.tags.length > 0 && '  tags:',
      ...e.tags.map((t) => `    - ${scalar(t)}`),
    ),
  );
  return `${blocks.join('\n\n')}\n`;
}

/** `_events.yml` for one language: newest first, `date` being the last day. */
export function eventsFile(events: ExportEvent[], locale: string): string {
  const blocks: string[] = [];
  const sorted = [...events].sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || (a.slug < b.slug ? -1 : 1));
  for (const event of sorted) {
    const l = event.localizations.find((x) => x.locale === locale);
    if (!l) continue;
    const start = dayInZone(event.startsAt, event.timeZone);
    const end = dayInZone(event.endsAt, event.timeZone);
    const type = event.type !== guessEventType(l.title) && event.type.toLowerCase();
    blocks.push(
      lines(
        `- name: ${scalar(l.title)}`,
        event.registrationUrl && `  link: ${scalar(event.registrationUrl)}`,
        `  date: ${formatShortDay(end)}`,
        !sameDay(start, end) && `  date_formatted: ${formatShortRange({ start, end })}`,
        `  description: ${scalar(l.description)}`,
        `  slug: ${scalar(event.slug)}`,
        type && `  type: ${type}`,
      ),
    );
  }
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '';
}

/** `_tags.yml` for one language, in the Hugging Face shape `{value, label}`. */
export function tagsFile(tags: ExportTag[], locale: string): string {
  const blocks = [...tags]
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .filter((t) => t.labels[locale])
    .map((t) => lines(`- value: ${scalar(t.slug)}`, `  label: ${scalar(t.labels[locale]!)}`));
  return blocks.length > 0 ? `${blocks.join('\n')}\n` : '';
}

/** `_authors.yml`: the people the exported posts credit, with what the front matter cannot say. */
export function authorsFile(authors: ExportAuthor[]): string {
  const blocks = [...authors]
    .sort((a, b) => (a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0))
    .map((a) =>
      lines(
        `- handle: ${scalar(a.handle)}`,
        `  name: ${scalar(a.displayName)}`,
        a.isGuest && '  guest: true',
        a.isOrg && '  org: true',
        a.bio && `  bio: ${scalar(a.bio)}`,
      ),
    );
  return blocks.length > 0 ? `${blocks.join('\n')}\n` : '';
}

/** `_directory/<slug>.md`: a channel-directory card. */
export function directoryCardFile(card: ExportDirectoryCard): string {
  return withFrontMatter(
    [`name: ${scalar(card.name)}`, `url: ${scalar(card.url)}`, `info: ${scalar(card.info)}`, card.tags.length > 0 && 'tags:', ...card.tags.map((t) => `  - ${scalar(t)}`)],
    card.body,
  );
}
