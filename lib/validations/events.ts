import { z } from 'zod';
import { locales } from '@/lib/i18n/routing';
import { canonicalTimeZone, resolveWallTime, type ZoneProblem } from '@/lib/events/zoned-time';
import { MAX_PARTNERS } from '@/lib/events/labels';
import { CONTROL_CHARACTER, hasControlCharacter, oneLine } from '@/lib/validations/text';

// Messages are keys under EventForm.errors, translated where they are shown.
const E = (key: string) => `EventForm.errors.${key}`;

export const EVENT_TYPES = ['HACKATHON', 'MEETUP', 'COURSE', 'COMPETITION', 'TALK', 'OTHER'] as const;
export const EVENT_MODES = ['ONLINE', 'IN_PERSON', 'HYBRID'] as const;
export const EVENT_STATUSES = ['DRAFT', 'SCHEDULED', 'PUBLISHED', 'CANCELLED'] as const;
export const EVENT_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

/** https only, no credentials: `javascript:`, `data:` and plain http never reach a page or a calendar. */
export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && url.hostname !== '';
  } catch {
    return false;
  }
}

/** An image may also be a file of the site itself (`/demo/…`), never protocol-relative. */
export function isImageUrl(value: string): boolean {
  return /^\/(?![/\\])[^\s]*$/.test(value) || isHttpsUrl(value);
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, E('tooLong'))
    .nullable()
    .transform((v) => (v ? v : null));

const httpsUrl = z.string().trim().max(2000, E('tooLong')).refine(isHttpsUrl, E('httpsUrl'));
const imageUrl = z.string().trim().max(2000, E('tooLong')).refine(isImageUrl, E('imageUrl'));

export const eventLocalizationSchema = z.object({
  locale: z.enum(locales),
  title: oneLine(z.string().trim().min(1, E('titleRequired')).max(200, E('tooLong'))),
  summary: optionalText(500),
  description: z.string().max(50_000, E('tooLong')),
});

/** The structured event every write goes through, whoever calls the data-access layer. */
export const eventInputSchema = z
  .object({
    slug: z.string().regex(EVENT_SLUG, E('slug')).nullable(),
    type: z.enum(EVENT_TYPES),
    timeZone: z.string().refine((z) => canonicalTimeZone(z) === z, E('unknownZone')),
    startsAt: z.date(),
    endsAt: z.date(),
    mode: z.enum(EVENT_MODES),
    venueName: optionalText(200),
    venueAddress: optionalText(500),
    city: optionalText(100),
    registrationUrl: httpsUrl.nullable(),
    registrationDeadline: z.date().nullable(),
    capacity: z.number().int().min(1, E('capacity')).max(1_000_000, E('capacity')).nullable(),
    coverImage: imageUrl.nullable(),
    partners: z
      .array(z.object({ name: z.string().trim().min(1, E('required')).max(200, E('tooLong')), url: httpsUrl.nullable(), logo: imageUrl.nullable() }))
      .max(MAX_PARTNERS, E('tooMany')),
    status: z.enum(EVENT_STATUSES),
    publishAt: z.date().nullable(),
    localizations: z
      .array(eventLocalizationSchema)
      .min(1, E('titleRequired'))
      .refine((ls) => new Set(ls.map((l) => l.locale)).size === ls.length, E('invalid')),
  })
  .superRefine((e, ctx) => {
    if (e.endsAt.getTime() <= e.startsAt.getTime()) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: E('endBeforeStart') });
    if (e.registrationDeadline && e.registrationDeadline.getTime() > e.startsAt.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['registrationDeadline'], message: E('deadlineAfterStart') });
    }
    if (e.status === 'SCHEDULED' && !e.publishAt) ctx.addIssue({ code: 'custom', path: ['publishAt'], message: E('publishAtRequired') });
  });

export type EventInput = z.infer<typeof eventInputSchema>;

// ------------------------------------------------------------------ the admin form

const ZONE_MESSAGES: Record<ZoneProblem, string> = {
  invalid: E('invalidTime'),
  unknownZone: E('unknownZone'),
  nonexistent: E('nonexistentTime'),
  ambiguous: E('ambiguousTime'),
};

const field = z.string().max(60_000).optional().default('');

/** Field names the form posts; partners are numbered rows (`partnerName0` …). */
export const eventFormFields = z.object({
  slug: field,
  type: z.enum(EVENT_TYPES, { message: E('required') }),
  timeZone: field,
  startsAt: field,
  endsAt: field,
  mode: z.enum(EVENT_MODES, { message: E('required') }),
  venueName: field,
  venueAddress: field,
  city: field,
  registrationUrl: field,
  registrationDeadline: field,
  capacity: field,
  coverImage: field,
  status: z.enum(EVENT_STATUSES, { message: E('required') }),
  publishAt: field,
  ...Object.fromEntries(locales.flatMap((l) => [`title_${l}`, `summary_${l}`, `description_${l}`].map((k) => [k, field]))),
  ...Object.fromEntries(
    Array.from({ length: MAX_PARTNERS }, (_, i) => [`partnerName${i}`, `partnerUrl${i}`, `partnerLogo${i}`].map((k) => [k, field])).flat(),
  ),
});

type FormFields = Record<string, string>;

/**
 * Form strings to an EventInput. Wall-clock times are read in the event's zone; every problem
 * lands on the field that caused it, so the form can show it there.
 */
export const eventFormSchema = eventFormFields.transform((raw, ctx0): EventInput => {
  const f = raw as FormFields;
  // One message per field and problem, however many checks find it.
  const seen = new Set<string>();
  const ctx = {
    addIssue(issue: { code: 'custom'; path: string[]; message: string }) {
      const key = `${issue.path.join('.')}:${issue.message}`;
      if (seen.has(key)) return;
      seen.add(key);
      ctx0.addIssue(issue);
    },
  };
  const zone = canonicalTimeZone(f.timeZone!.trim());
  if (!zone) ctx.addIssue({ code: 'custom', path: ['timeZone'], message: E('unknownZone') });

  const time = (name: string, required: boolean): Date | null => {
    const value = f[name]!.trim();
    if (!value) {
      if (required) ctx.addIssue({ code: 'custom', path: [name], message: E(name === 'publishAt' ? 'publishAtRequired' : 'required') });
      return null;
    }
    if (!zone) return null;
    const r = resolveWallTime(value, zone);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', path: [name], message: ZONE_MESSAGES[r.problem] });
      return null;
    }
    return r.instant;
  };
  const startsAt = time('startsAt', true);
  const endsAt = time('endsAt', true);
  const registrationDeadline = time('registrationDeadline', false);
  const publishAt = time('publishAt', raw.status === 'SCHEDULED');

  const capacityText = f.capacity!.trim();
  const capacity = capacityText === '' ? null : /^\d{1,7}$/.test(capacityText) ? Number(capacityText) : NaN;
  if (Number.isNaN(capacity)) ctx.addIssue({ code: 'custom', path: ['capacity'], message: E('capacity') });

  const localizations = locales
    .map((locale) => ({
      locale,
      title: f[`title_${locale}`]!.trim(),
      summary: f[`summary_${locale}`]!.trim() || null,
      description: f[`description_${locale}`]!.replace(/\r\n?/g, '\n').trim(),
    }))
    .filter((l) => l.title || l.summary || l.description);
  for (const l of localizations) {
    if (!l.title) ctx.addIssue({ code: 'custom', path: [`title_${l.locale}`], message: E('titleRequired') });
    else if (hasControlCharacter(l.title)) ctx.addIssue({ code: 'custom', path: [`title_${l.locale}`], message: CONTROL_CHARACTER });
  }
  if (localizations.length === 0) ctx.addIssue({ code: 'custom', path: [`title_${locales[0]}`], message: E('oneLanguage') });

  // Checked here too, not only in the structured pass below, which needs sound times first.
  if (f.registrationUrl!.trim() && !isHttpsUrl(f.registrationUrl!.trim())) ctx.addIssue({ code: 'custom', path: ['registrationUrl'], message: E('httpsUrl') });
  if (f.coverImage!.trim() && !isImageUrl(f.coverImage!.trim())) ctx.addIssue({ code: 'custom', path: ['coverImage'], message: E('imageUrl') });

  const partners = Array.from({ length: MAX_PARTNERS }, (_, i) => ({
    name: f[`partnerName${i}`]!.trim(),
    url: f[`partnerUrl${i}`]!.trim() || null,
    logo: f[`partnerLogo${i}`]!.trim() || null,
  }));
  partners.forEach((p, i) => {
    if (!p.name && (p.url || p.logo)) ctx.addIssue({ code: 'custom', path: [`partnerName${i}`], message: E('required') });
    if (p.url && !isHttpsUrl(p.url)) ctx.addIssue({ code: 'custom', path: [`partnerUrl${i}`], message: E('httpsUrl') });
    if (p.logo && !isImageUrl(p.logo)) ctx.addIssue({ code: 'custom', path: [`partnerLogo${i}`], message: E('imageUrl') });
  });

  const input = {
    slug: f.slug!.trim().toLowerCase() || null,
    type: raw.type,
    timeZone: zone ?? '',
    startsAt: startsAt ?? new Date(0),
    endsAt: endsAt ?? new Date(0),
    mode: raw.mode,
    venueName: f.venueName!,
    venueAddress: f.venueAddress!,
    city: f.city!,
    registrationUrl: f.registrationUrl!.trim() || null,
    registrationDeadline,
    capacity: Number.isNaN(capacity) ? null : capacity,
    coverImage: f.coverImage!.trim() || null,
    partners: partners.filter((p) => p.name),
    status: raw.status,
    publishAt,
    localizations,
  };
  // The structured rules (URLs, lengths, order of times) once the parts above are sound.
  if (startsAt && endsAt && zone) {
    const checked = eventInputSchema.safeParse(input);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const [head, index, key] = issue.path;
        // Partner rows and localizations were checked above, under their own field names.
        if (head === 'partners' || head === 'localizations') {
          if (head === 'localizations' && typeof index === 'number' && key) {
            ctx.addIssue({ code: 'custom', path: [`${String(key)}_${localizations[index]?.locale}`], message: issue.message });
          }
          continue;
        }
        ctx.addIssue({ code: 'custom', path: issue.path.map(String), message: issue.message });
      }
    }
  }
  return input as EventInput;
});
