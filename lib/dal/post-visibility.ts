import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';

// What visitors may read. There is no SCHEDULED status for posts: a language version scheduled
// by an admin is PUBLISHED with `publishedAt` in the future, and it becomes public when that
// moment passes. No job flips it; every public read asks for `publishedAt <= now`, which is why
// every one of them must take its condition from here. Pages are cached (ISR and the listing's
// unstable_cache, 60 s), so a scheduled post shows up within about a minute of its time.

/** A language version a visitor may read now (Prisma). A PUBLISHED row without a date is not. */
export function liveLocalization(now: Date = new Date()) {
  return { status: 'PUBLISHED', publishedAt: { lte: now } } satisfies Prisma.PostLocalizationWhereInput;
}

/** A post with at least one language version a visitor may read now. */
export function livePost(now: Date = new Date()) {
  return { publishedAt: { not: null }, localizations: { some: liveLocalization(now) } } satisfies Prisma.PostWhereInput;
}

/** liveLocalization for raw SQL, on the PostLocalization row aliased `alias`. */
export function liveLocalizationSql(alias: string, now: Date = new Date()): Prisma.Sql {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`not an SQL alias: ${alias}`);
  const t = Prisma.raw(alias);
  return Prisma.sql`(${t}.status = 'PUBLISHED' AND ${t}."publishedAt" <= ${now})`;
}

/** liveLocalization for a row already read. */
export function isLive(row: { status: string; publishedAt: Date | null }, now: Date = new Date()): boolean {
  return row.status === 'PUBLISHED' && row.publishedAt !== null && row.publishedAt.getTime() <= now.getTime();
}

/** Published, but only from a moment still to come. */
export function isScheduled(row: { status: string; publishedAt: Date | null }, now: Date = new Date()): boolean {
  return row.status === 'PUBLISHED' && row.publishedAt !== null && row.publishedAt.getTime() > now.getTime();
}
