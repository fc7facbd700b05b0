import { describe, expect, it } from 'vitest';
import { eventFormSchema, eventInputSchema, isHttpsUrl, type EventInput } from '@/lib/validations/events';
import { isPublicAt, publishAtFor, statusAuditActions } from '@/lib/events/visibility';
import { eventJsonLd, jsonForScript } from '@/lib/events/json-ld';
import { parseEventQuery } from '@/lib/events/query';

const form = (overrides: Record<string, string> = {}) => ({
  type: 'MEETUP',
  status: 'PUBLISHED',
  mode: 'IN_PERSON',
  timeZone: 'Asia/Shanghai',
  startsAt: '2026-12-12T10:00',
  endsAt: '2026-12-12T17:00',
  title_en: 'Winter meetup',
  ...overrides,
});

function errorsOf(values: Record<string, string>): Record<string, string[]> {
  const parsed = eventFormSchema.safeParse(values);
  if (parsed.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (out[String(issue.path[0])] ??= []).push(issue.message);
  return out;
}

describe('the event form', () => {
  it('turns wall-clock fields into instants in the event zone', () => {
    const parsed = eventFormSchema.parse(form({ registrationDeadline: '2026-12-10T23:59', capacity: '40', title_zh: '冬季聚会' }));
    expect(parsed.startsAt.toISOString()).toBe('2026-12-12T02:00:00.000Z');
    expect(parsed.endsAt.toISOString()).toBe('2026-12-12T09:00:00.000Z');
    expect(parsed.registrationDeadline?.toISOString()).toBe('2026-12-10T15:59:00.000Z');
    expect(parsed.capacity).toBe(40);
    expect(parsed.localizations.map((l) => l.locale)).toEqual(['en', 'zh']);
  });

  it('puts each zone problem on the field that has it, as a message key', () => {
    expect(errorsOf(form({ timeZone: 'America/New_York', startsAt: '2026-03-08T02:30', endsAt: '2026-03-08T05:00' }))).toEqual({
      startsAt: ['EventForm.errors.nonexistentTime'],
    });
    expect(errorsOf(form({ timeZone: 'America/New_York', startsAt: '2026-10-31T20:00', endsAt: '2026-11-01T01:30' }))).toEqual({
      endsAt: ['EventForm.errors.ambiguousTime'],
    });
    expect(errorsOf(form({ timeZone: 'Atlantis/Capital' }))).toEqual({ timeZone: ['EventForm.errors.unknownZone'] });
  });

  it('refuses an end before the start, and a deadline after the start', () => {
    expect(errorsOf(form({ endsAt: '2026-12-12T09:00' }))).toEqual({ endsAt: ['EventForm.errors.endBeforeStart'] });
    expect(errorsOf(form({ endsAt: '2026-12-12T10:00' }))).toEqual({ endsAt: ['EventForm.errors.endBeforeStart'] });
    expect(errorsOf(form({ registrationDeadline: '2026-12-12T10:01' }))).toEqual({ registrationDeadline: ['EventForm.errors.deadlineAfterStart'] });
  });

  it('accepts only https links, everywhere a link goes', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'http://example.com', 'data:text/html,x', '//evil.example', 'https://user:pw@example.com']) {
      expect(isHttpsUrl(bad), bad).toBe(false);
      expect(errorsOf(form({ registrationUrl: bad })).registrationUrl, bad).toEqual(['EventForm.errors.httpsUrl']);
      expect(errorsOf(form({ partnerName0: 'Org', partnerUrl0: bad })).partnerUrl0, bad).toEqual(['EventForm.errors.httpsUrl']);
    }
    expect(errorsOf(form({ coverImage: 'javascript:alert(1)' })).coverImage).toEqual(['EventForm.errors.imageUrl']);
    expect(errorsOf(form({ coverImage: '/demo/cover.svg', registrationUrl: 'https://example.com/register' }))).toEqual({});
  });

  it('needs a title in at least one language, and a publish time to schedule', () => {
    expect(errorsOf(form({ title_en: '' }))).toEqual({ title_en: ['EventForm.errors.oneLanguage'] });
    expect(errorsOf(form({ title_en: '', summary_zh: '只有简介' }))).toEqual({ title_zh: ['EventForm.errors.titleRequired'] });
    expect(errorsOf(form({ title_en: '', title_zh: '冬季聚会' }))).toEqual({});
    expect(errorsOf(form({ status: 'SCHEDULED' }))).toEqual({ publishAt: ['EventForm.errors.publishAtRequired'] });
  });
});

describe('the structured input the data layer accepts', () => {
  const base: EventInput = eventFormSchema.parse(form());
  it('refuses javascript: links and unknown zones even when the form is bypassed', () => {
    expect(eventInputSchema.safeParse({ ...base, registrationUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(eventInputSchema.safeParse({ ...base, partners: [{ name: 'X', url: 'javascript:alert(1)', logo: null }] }).success).toBe(false);
    expect(eventInputSchema.safeParse({ ...base, timeZone: 'Nowhere/Land' }).success).toBe(false);
    expect(eventInputSchema.safeParse(base).success).toBe(true);
  });
});

describe('when an event is public', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  const past = new Date('2026-11-30T00:00:00Z');
  const future = new Date('2026-12-02T00:00:00Z');
  it('counts a scheduled event as published once its time has come, with no job to run', () => {
    expect(isPublicAt('SCHEDULED', future, now)).toBe(false);
    expect(isPublicAt('SCHEDULED', past, now)).toBe(true);
    expect(isPublicAt('DRAFT', past, now)).toBe(false);
    expect(isPublicAt('PUBLISHED', null, now)).toBe(true);
  });
  it('keeps a cancelled event visible only when visitors had seen it', () => {
    expect(publishAtFor({ status: 'CANCELLED', publishAt: null }, { status: 'PUBLISHED', publishAt: null }, now)).toEqual(now);
    expect(publishAtFor({ status: 'CANCELLED', publishAt: null }, { status: 'SCHEDULED', publishAt: future }, now)).toBeNull();
    expect(publishAtFor({ status: 'PUBLISHED', publishAt: null }, { status: 'PUBLISHED', publishAt: past }, now)).toEqual(past);
  });
  it('names the audit action of each change of status', () => {
    expect(statusAuditActions({ status: 'PUBLISHED', publishAt: null }, null, now)).toEqual(['event.publish']);
    expect(statusAuditActions({ status: 'SCHEDULED', publishAt: future }, { status: 'DRAFT', publishAt: null }, now)).toEqual(['event.schedule']);
    expect(statusAuditActions({ status: 'CANCELLED', publishAt: null }, { status: 'PUBLISHED', publishAt: past }, now)).toEqual(['event.cancel']);
    expect(statusAuditActions({ status: 'DRAFT', publishAt: null }, { status: 'PUBLISHED', publishAt: past }, now)).toEqual(['event.unpublish']);
    expect(statusAuditActions({ status: 'PUBLISHED', publishAt: null }, { status: 'PUBLISHED', publishAt: past }, now)).toEqual([]);
  });
});

describe('schema.org and listing parameters', () => {
  it('describes the event with its own offset and status, safe inside a script element', () => {
    const ld = eventJsonLd({
      url: 'https://qiao.example/en/events/x',
      title: '</script><script>alert(1)</script>',
      summary: null,
      startsAt: '2026-03-08T07:15:00.000Z',
      endsAt: '2026-03-08T09:00:00.000Z',
      timeZone: 'America/New_York',
      mode: 'HYBRID',
      cancelled: true,
      venueName: 'Hall',
      venueAddress: null,
      city: 'New York',
      image: null,
      registrationUrl: null,
      partners: [],
      organizer: { name: 'Qiao', url: 'https://qiao.example/en' },
      inLanguage: 'en',
    });
    expect(ld.startDate).toBe('2026-03-08T03:15:00-04:00');
    expect(ld.eventStatus).toBe('https://schema.org/EventCancelled');
    expect(ld.eventAttendanceMode).toBe('https://schema.org/MixedEventAttendanceMode');
    expect(jsonForScript(ld)).not.toContain('</script');
    expect(JSON.parse(jsonForScript(ld)).name).toBe('</script><script>alert(1)</script>');
  });
  it('reads filters leniently and pages strictly', () => {
    expect(parseEventQuery({ when: 'past', type: 'meetup', attendance: 'online', page: '2' })).toEqual({ when: 'past', type: 'MEETUP', attendance: 'online', page: 2 });
    expect(parseEventQuery({ type: 'party', attendance: 'teleport' })).toEqual({ when: 'upcoming', type: null, attendance: null, page: 1 });
    expect(parseEventQuery({ page: '0' })).toBeNull();
    expect(parseEventQuery({ page: ['1', '2'] })).toBeNull();
  });
});

describe('the event form, with several problems at once', () => {
  it('still reports a javascript: link when the times are wrong too', () => {
    const errors = errorsOf(form({ timeZone: 'America/New_York', startsAt: '2026-03-08T02:30', registrationUrl: 'javascript:alert(1)', coverImage: 'javascript:x' }));
    expect(errors).toEqual({
      startsAt: ['EventForm.errors.nonexistentTime'],
      registrationUrl: ['EventForm.errors.httpsUrl'],
      coverImage: ['EventForm.errors.imageUrl'],
    });
  });
});
