import { z } from 'zod';
import { locales } from '@/lib/i18n/routing';
import { canonicalTimeZone, resolveWallTime } from '@/lib/events/zoned-time';
import { STATUS_FILTERS } from '@/lib/dal/post-status';

// Messages are keys under PostAdmin.errors, translated where they are shown.
const E = (key: string) => `PostAdmin.errors.${key}`;

/** The PostLocalization an action is about, and the version the admin's page showed. */
export const localizationActionSchema = z.object({
  id: z.string().min(1).max(64),
  version: z.coerce.number().int().min(1).max(2_147_483_647),
});

/**
 * A wall-clock time in the zone the admin chose (UTC unless they picked another), resolved to
 * one instant. A time a DST change skips or repeats is refused rather than guessed.
 */
export const scheduleSchema = localizationActionSchema
  .extend({
    at: z.string().trim().min(1, E('atRequired')).max(40, E('atInvalid')),
    timeZone: z.string().trim().max(64, E('unknownZone')).refine((zone) => canonicalTimeZone(zone) !== null, E('unknownZone')),
  })
  .transform((input, ctx) => {
    const resolved = resolveWallTime(input.at, input.timeZone);
    if (!resolved.ok) {
      const key = resolved.problem === 'invalid' ? 'atInvalid' : resolved.problem;
      ctx.addIssue({ code: 'custom', path: [resolved.problem === 'unknownZone' ? 'timeZone' : 'at'], message: E(key) });
      return z.NEVER;
    }
    return { id: input.id, version: input.version, at: resolved.instant, timeZone: resolved.timeZone };
  });

/** The list's query string; anything unknown is ignored rather than an error. */
export const postListQuerySchema = z.object({
  q: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => v?.trim().slice(0, 200) || undefined),
  status: z.enum(STATUS_FILTERS).optional().catch(undefined),
  lang: z.enum(locales).optional().catch(undefined),
  // The zone the list shows times in and the schedule form reads them in: UTC unless chosen.
  tz: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => (v ? canonicalTimeZone(v.trim()) : 'UTC')),
});
