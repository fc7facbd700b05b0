// When an event is public. There is no job runner: a SCHEDULED event whose publishAt has passed
// counts as published in every public query, so it appears on time on every app instance.
// `publishAt` also records when a published event went public, which is how a cancelled event
// knows whether visitors had seen it (then it stays up, marked cancelled) or not.

export type EventStatusName = 'DRAFT' | 'SCHEDULED' | 'PUBLISHED' | 'CANCELLED';

export function isPublicAt(status: EventStatusName, publishAt: Date | null, now: Date): boolean {
  if (status === 'PUBLISHED') return true;
  if (status === 'SCHEDULED' || status === 'CANCELLED') return publishAt !== null && publishAt.getTime() <= now.getTime();
  return false;
}

/** The publishAt to store for a new status, given what the event was before. */
export function publishAtFor(
  next: { status: EventStatusName; publishAt: Date | null },
  before: { status: EventStatusName; publishAt: Date | null } | null,
  now: Date,
): Date | null {
  const wasPublic = before !== null && isPublicAt(before.status, before.publishAt, now);
  switch (next.status) {
    case 'DRAFT':
      return null;
    case 'SCHEDULED':
      return next.publishAt;
    case 'PUBLISHED':
      return wasPublic ? (before.publishAt ?? now) : now;
    case 'CANCELLED':
      // Cancelling something nobody saw keeps it unseen.
      return wasPublic ? (before.publishAt ?? now) : null;
  }
}

/** Audit actions for a change of status; publishing, scheduling, cancelling are always recorded. */
export function statusAuditActions(
  next: { status: EventStatusName; publishAt: Date | null },
  before: { status: EventStatusName; publishAt: Date | null } | null,
  now: Date,
): string[] {
  const was = before?.status ?? null;
  if (next.status === 'PUBLISHED' && was !== 'PUBLISHED') return ['event.publish'];
  if (next.status === 'SCHEDULED' && (was !== 'SCHEDULED' || before?.publishAt?.getTime() !== next.publishAt?.getTime())) return ['event.schedule'];
  if (next.status === 'CANCELLED' && was !== 'CANCELLED') return ['event.cancel'];
  if (next.status === 'DRAFT' && before && isPublicAt(before.status, before.publishAt, now)) return ['event.unpublish'];
  return [];
}
