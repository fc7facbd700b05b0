// Reads prisma/demo/events.yml (wall-clock times in each event's zone, both languages) into
// event inputs; used by prisma/seed.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { resolveWallTime } from '@/lib/events/zoned-time';
import { eventInputSchema } from '@/lib/validations/events';
import { loadDemoEvents, type DemoEvent } from '@/lib/dal/events-demo';

type LocalizedEntry = { title: string; summary?: string; description?: string };
type Entry = Record<string, unknown> & { slug: string; timeZone: string; en?: LocalizedEntry; zh?: LocalizedEntry };

function wall(value: unknown, zone: string, where: string): Date | null {
  if (value === undefined || value === null) return null;
  const r = resolveWallTime(String(value), zone);
  if (!r.ok) throw new Error(`prisma/demo/events.yml: ${where}: ${String(value)} in ${zone} is ${r.problem}`);
  return r.instant;
}

export function readDemoEvents(file = path.join(process.cwd(), 'prisma', 'demo', 'events.yml')): DemoEvent[] {
  const entries = parseYaml(readFileSync(file, 'utf8')) as Entry[];
  return entries.map((e) => {
    const zone = e.timeZone;
    const input = eventInputSchema.parse({
      slug: e.slug,
      type: e.type,
      status: e.status ?? 'PUBLISHED',
      publishAt: null,
      timeZone: zone,
      startsAt: wall(e.starts, zone, e.slug),
      endsAt: wall(e.ends, zone, e.slug),
      mode: e.mode ?? 'ONLINE',
      venueName: e.venueName ?? null,
      venueAddress: e.venueAddress ?? null,
      city: e.city ?? null,
      registrationUrl: e.registrationUrl ?? null,
      registrationDeadline: wall(e.registrationDeadline, zone, e.slug),
      capacity: e.capacity ?? null,
      coverImage: e.coverImage ?? null,
      partners: ((e.partners as { name: string; url?: string; logo?: string }[] | undefined) ?? []).map((p) => ({ name: p.name, url: p.url ?? null, logo: p.logo ?? null })),
      localizations: (['en', 'zh'] as const).flatMap((locale) => {
        const l = e[locale];
        return l ? [{ locale, title: l.title, summary: l.summary ?? null, description: (l.description ?? '').trim() }] : [];
      }),
    });
    return { input: { ...input, slug: e.slug }, announcedAt: wall(e.announced, zone, e.slug) };
  });
}

export async function seedDemoEvents(): Promise<number> {
  return loadDemoEvents(readDemoEvents(), { kind: 'system', reason: 'seed' });
}
