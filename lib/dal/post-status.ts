import 'server-only';
import { isLive, isScheduled } from '@/lib/dal/post-visibility';

// The state of one language version as the admin's post list names it. A version with a
// PostLocalization row takes its state from that row; one without takes it from the volunteer's
// open translation draft, if any. Used by the list, its filters and the publishing checks alike.

export const ADMIN_STATUSES = ['none', 'draft', 'inReview', 'changesRequested', 'published', 'scheduled', 'unpublished'] as const;
export type AdminStatus = (typeof ADMIN_STATUSES)[number];

/** What the list can filter on: a state, or a translation whose original changed since. */
export const STATUS_FILTERS = [...ADMIN_STATUSES, 'behind'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const PUBLISHING_ACTIONS = ['publish', 'unpublish', 'schedule', 'cancel'] as const;
export type PublishingAction = (typeof PUBLISHING_ACTIONS)[number];

export function localizationStatus(row: { status: string; publishedAt: Date | null }, now: Date = new Date()): AdminStatus {
  if (isLive(row, now)) return 'published';
  if (isScheduled(row, now)) return 'scheduled';
  switch (row.status) {
    case 'DRAFT':
      return 'draft';
    case 'IN_REVIEW':
      return 'inReview';
    case 'CHANGES_REQUESTED':
      return 'changesRequested';
    // UNPUBLISHED, and a PUBLISHED row without a date, which visitors do not see either.
    default:
      return 'unpublished';
  }
}

/** A volunteer's open draft of a translation that has no published version yet. */
export function draftStatus(status: string): AdminStatus {
  if (status === 'SUBMITTED') return 'inReview';
  if (status === 'CHANGES_REQUESTED') return 'changesRequested';
  return 'draft';
}

/**
 * What an admin may do to a PostLocalization in a given state. Rows in review stay with the
 * reviewers: their publishing is approval (lib/dal/reviews.ts), never this shortcut.
 */
export function allowedActions(status: AdminStatus): PublishingAction[] {
  switch (status) {
    case 'published':
      return ['unpublish'];
    case 'scheduled':
      return ['publish', 'schedule', 'cancel'];
    case 'draft':
    case 'unpublished':
      return ['publish', 'schedule'];
    default:
      return [];
  }
}
