import 'server-only';
import { db } from '@/lib/db';
import type { SystemActor } from '@/lib/dal/content';
import { eventBeforeSelect, prepareEvent, writeEvent } from '@/lib/dal/event-writes';
import type { EventInput } from '@/lib/validations/events';

export type DemoEvent = { input: EventInput & { slug: string }; announcedAt: Date | null };

/**
 * Writes the demo events as the operator (no session: the seed runs from the command line).
 * An event whose slug already exists, imported or edited by an admin, is left alone.
 */
export async function loadDemoEvents(events: DemoEvent[], _actor: SystemActor): Promise<number> {
  let created = 0;
  for (const { input, announcedAt } of events) {
    const prepared = await prepareEvent(input);
    await db.$transaction(async (tx) => {
      if (await tx.event.findUnique({ where: { slug: input.slug }, select: eventBeforeSelect })) return;
      await writeEvent(tx, prepared, { before: null, actorId: null, announcedAt });
      created += 1;
    });
  }
  return created;
}
