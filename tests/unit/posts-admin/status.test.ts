import { describe, expect, it } from 'vitest';
import { allowedActions, draftStatus, localizationStatus } from '@/lib/dal/post-status';
import { postListQuerySchema, scheduleSchema } from '@/lib/validations/posts-admin';

const now = new Date('2026-06-01T12:00:00Z');
const at = (iso: string | null) => (iso ? new Date(iso) : null);

describe('the state of a language version', () => {
  it('is scheduled while its publication time is ahead, and published from that moment', () => {
    expect(localizationStatus({ status: 'PUBLISHED', publishedAt: at('2026-06-01T12:00:01Z') }, now)).toBe('scheduled');
    expect(localizationStatus({ status: 'PUBLISHED', publishedAt: at('2026-06-01T12:00:00Z') }, now)).toBe('published');
    // Visitors do not see a published row without a date, so neither does the admin's list.
    expect(localizationStatus({ status: 'PUBLISHED', publishedAt: null }, now)).toBe('unpublished');
    expect(localizationStatus({ status: 'UNPUBLISHED', publishedAt: at('2026-01-01T00:00:00Z') }, now)).toBe('unpublished');
    expect(localizationStatus({ status: 'DRAFT', publishedAt: null }, now)).toBe('draft');
    expect(localizationStatus({ status: 'IN_REVIEW', publishedAt: null }, now)).toBe('inReview');
  });

  it('of a volunteer’s draft follows the review', () => {
    expect(['CLAIMED', 'IN_PROGRESS', 'SUBMITTED', 'CHANGES_REQUESTED'].map(draftStatus)).toEqual(['draft', 'draft', 'inReview', 'changesRequested']);
  });

  it('decides what an admin may do, and leaves versions in review to the reviewers', () => {
    expect(allowedActions('published')).toEqual(['unpublish']);
    expect(allowedActions('scheduled')).toEqual(['publish', 'schedule', 'cancel']);
    expect(allowedActions('unpublished')).toEqual(['publish', 'schedule']);
    expect(allowedActions('inReview')).toEqual([]);
    expect(allowedActions('changesRequested')).toEqual([]);
    expect(allowedActions('none')).toEqual([]);
  });
});

describe('the schedule form', () => {
  const parse = (at: string, timeZone: string) => scheduleSchema.safeParse({ id: 'x', version: '3', at, timeZone });

  it('reads the time in the chosen zone', () => {
    expect(parse('2031-05-06T09:30', 'Asia/Shanghai')).toMatchObject({ success: true, data: { version: 3, at: new Date('2031-05-06T01:30:00Z'), timeZone: 'Asia/Shanghai' } });
    expect(parse('2031-05-06T09:30', 'UTC')).toMatchObject({ success: true, data: { at: new Date('2031-05-06T09:30:00Z') } });
  });

  it('refuses a time a DST change skips or repeats, an unknown zone and nonsense', () => {
    const message = (r: ReturnType<typeof parse>) => (r.success ? null : r.error.issues.map((i) => `${String(i.path[0])}:${i.message}`));
    expect(message(parse('2032-03-14T02:30', 'America/New_York'))).toEqual(['at:PostAdmin.errors.nonexistent']);
    expect(message(parse('2032-11-07T01:30', 'America/New_York'))).toEqual(['at:PostAdmin.errors.ambiguous']);
    expect(message(parse('2032-11-07T01:30', 'Not/AZone'))).toEqual(['timeZone:PostAdmin.errors.unknownZone']);
    expect(message(parse('2032-02-30T01:30', 'UTC'))).toEqual(['at:PostAdmin.errors.atInvalid']);
    expect(message(parse('', 'UTC'))).toEqual(['at:PostAdmin.errors.atRequired']);
  });
});

describe('the list’s query string', () => {
  it('ignores what it does not know and defaults to UTC', () => {
    expect(postListQuerySchema.parse({ status: 'nonsense', lang: 'fr', q: '  lora ', tz: 'asia/shanghai' })).toEqual({ status: undefined, lang: undefined, q: 'lora', tz: 'Asia/Shanghai' });
    expect(postListQuerySchema.parse({ status: ['published', 'draft'], tz: 'Mars/Base' })).toMatchObject({ status: undefined, tz: null });
    expect(postListQuerySchema.parse({})).toMatchObject({ tz: 'UTC' });
  });
});
