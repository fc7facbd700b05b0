import 'server-only';
import { db } from '@/lib/db';
import { markdown } from '@/lib/markdown/shared-pool';
import type { ImportedEvent, Outcome } from '@/lib/content/import/types';
import type { SystemActor } from '@/lib/dal/content';
import { lockForWrite, withRetry } from '@/lib/dal/write-lock';

/**
 * Creates or updates an event from `_events.yml`. A new event is published at once (the
 * repository is where the community already announced it); an existing one keeps the status,
 * venue and partners an admin gave it, and its calendar SEQUENCE rises so that subscribed
 * calendars pick up the change.
 */
export async function importEvent(event: ImportedEvent, options: { dryRun: boolean }, _actor: SystemActor): Promise<Outcome> {
  const before = await db.event.findUnique({ where: { slug: event.slug }, select: { importHash: true } });
  if (before?.importHash === event.importHash) return 'unchanged';
  if (options.dryRun) return before ? 'updated' : 'imported';

  const html = new Map(await Promise.all(event.localizations.map(async (l) => [l.locale, (await markdown().run('render', l.description)).html] as const)));
  return withRetry(() =>
    db.$transaction(async (tx) => {
      await lockForWrite(tx, `qiao:event:${event.slug}`);
      const row = await tx.event.findUnique({ where: { slug: event.slug }, select: { id: true, importHash: true } });
      if (row?.importHash === event.importHash) return 'unchanged';
      const fields = {
        type: event.type,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        timeZone: event.timeZone,
        registrationUrl: event.registrationUrl,
        importHash: event.importHash,
      };
      const saved = row
        ? await tx.event.update({ where: { id: row.id }, data: { ...fields, sequence: { increment: 1 }, version: { increment: 1 } }, select: { id: true } })
        : await tx.event.create({ data: { slug: event.slug, status: 'PUBLISHED', ...fields }, select: { id: true } });
      for (const l of event.localizations) {
        const data = { title: l.title, description: l.description, html: html.get(l.locale) ?? '' };
        await tx.eventLocalization.upsert({
          where: { eventId_locale: { eventId: saved.id, locale: l.locale } },
          create: { eventId: saved.id, locale: l.locale, ...data },
          update: data,
        });
      }
      return row ? 'updated' : 'imported';
    }),
  );
}
