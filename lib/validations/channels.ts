import { z } from 'zod';
import { isHttpsUrl } from '@/lib/validations/events';
import { oneLine } from '@/lib/validations/text';

// Messages are keys under ChannelForm.errors, translated where they are shown.
const E = (key: string) => `ChannelForm.errors.${key}`;

export const CHANNEL_PLATFORMS = [
  'BAAI', 'BILIBILI', 'CNBLOGS', 'CSDN', 'JUEJIN', 'OSCHINA', 'SEGMENTFAULT', 'ZHIHU', 'WECHAT',
  'GITHUB', 'X', 'DISCORD', 'HUGGINGFACE', 'OTHER',
] as const;
export type ChannelPlatformName = (typeof CHANNEL_PLATFORMS)[number];

export const MAX_DESCRIPTION = 500;

const optionalText = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, E(key))
    .optional()
    .transform((v) => (v ? v : null));

// Descriptions are plain text: the pages render them as React text, never as HTML.
const description = z.string().trim().max(MAX_DESCRIPTION, E('descriptionTooLong')).optional().transform((v) => v ?? '');

export const channelFormSchema = z.object({
  platform: z.enum(CHANNEL_PLATFORMS, E('platform')),
  name: oneLine(z.string().trim().min(1, E('nameRequired')).max(100, E('nameTooLong'))),
  handle: optionalText(100, 'handleTooLong'),
  url: z
    .string()
    .trim()
    .max(500, E('urlInvalid'))
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isHttpsUrl(v), E('urlInvalid')),
  descriptionEn: description,
  descriptionZh: description,
  hidden: z.enum(['on', 'true']).optional().transform((v) => v !== undefined),
});
export type ChannelInput = z.output<typeof channelFormSchema>;

export const channelIdSchema = z.object({ id: z.string().min(1).max(64) });
/** The edit form's hidden fields: which channel, and the version it was read at. */
export const channelEditSchema = z.object({ id: z.string().min(1).max(64), version: z.coerce.number().int().min(1).max(2_147_483_647) });
export const channelMoveSchema = z.object({ id: z.string().min(1).max(64), direction: z.enum(['up', 'down']) });
export const channelHideSchema = z.object({ id: z.string().min(1).max(64), hidden: z.enum(['true', 'false']).transform((v) => v === 'true') });
export const directoryTagSchema = z.string().trim().min(1).max(60).optional().catch(undefined);
