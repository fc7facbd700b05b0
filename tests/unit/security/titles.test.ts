import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { eventFormSchema, eventInputSchema } from '@/lib/validations/events';
import { channelFormSchema } from '@/lib/validations/channels';
import { directoryFormSchema } from '@/lib/validations/directory';
import { siteSettingsFormSchema } from '@/lib/validations/site-settings';
import { tagLabelsSchema } from '@/lib/validations/tags';
import { saveDraftSchema, sourceEditSchema } from '@/lib/validations/translation';
import { CONTROL_CHARACTER } from '@/lib/validations/text';

// A title is one line: a line break typed or pasted into one (the report's Chinese event title
// "XSS活动\r\nURL:https://evil.example/ics") is refused where it is typed, with a message in the
// visitor's language, before it can reach a calendar file, a feed or a page title.
const BROKEN = ['XSS活动\r\nURL:https://evil.example/ics', 'Line\nbreak', 'Carriage\rreturn', 'Tab\there', 'Vertical\u000btab', 'Escape\u001b[31m', 'Delete\u007f', 'Next line\u0085', 'Line separator\u2028here'];

/** The messages of the issues on `field`, or null when the value parses. */
function messagesOn(schema: z.ZodType, value: unknown, field: string): string[] | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : parsed.error.issues.filter((i) => String(i.path[0]) === field).map((i) => i.message);
}

const eventForm = (title: string) => ({ type: 'MEETUP', status: 'PUBLISHED', mode: 'ONLINE', timeZone: 'Asia/Shanghai', startsAt: '2026-12-12T10:00', endsAt: '2026-12-12T17:00', title_zh: title });
const eventInput = (title: string) => ({
  ...eventFormSchema.parse(eventForm('冬季聚会')),
  localizations: [{ locale: 'zh', title, summary: null, description: '' }],
});
const settings = (title: string) => ({ locale: 'zh', version: '1', title, tagline: '开源 AI 社区' });
const draft = (title: string) => ({ draftId: 'd1', baseVersion: 1, title, blocks: ['一'] });
const source = (title: string) => ({ slug: 'lora', baseVersion: 1, title, body: 'Text.' });

const TITLES: [string, z.ZodType, (title: string) => unknown, string][] = [
  ['an event title in the form', eventFormSchema, eventForm, 'title_zh'],
  ['an event title from the data layer or an import', eventInputSchema, eventInput, 'localizations'],
  ['a channel name', channelFormSchema, (name) => ({ platform: 'WECHAT', name }), 'name'],
  ['a directory entry name', directoryFormSchema, (name) => ({ name, url: 'https://example.org/' }), 'name'],
  ['the site title', siteSettingsFormSchema, settings, 'title'],
  ['a translation’s title', saveDraftSchema, draft, 'title'],
  ['an original post’s title', sourceEditSchema, source, 'title'],
];

describe('a title with a control character in it', () => {
  for (const [what, schema, valueWith, field] of TITLES) {
    it(`is refused as ${what}, with the message key for it`, () => {
      expect(messagesOn(schema, valueWith('冬季聚会 · Winter meetup'), field), 'a one-line title').toBeNull();
      for (const title of BROKEN) expect(messagesOn(schema, valueWith(title), field), JSON.stringify(title)).toEqual([CONTROL_CHARACTER]);
    });
  }

  it('is refused as a tag label, or its spacing made one line', () => {
    for (const title of BROKEN) {
      const parsed = tagLabelsSchema.safeParse({ labelEn: 'Community', labelZh: title });
      if (parsed.success) expect(parsed.data.labelZh, JSON.stringify(title)).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
      else expect(parsed.error.issues.map((i) => i.message), JSON.stringify(title)).toEqual(['TagForm.errors.labelInvalid']);
    }
  });

  it('is fine at either end, where the form trims it away', () => {
    expect(messagesOn(channelFormSchema, { platform: 'WECHAT', name: '\r\n 桥 Qiao \t\n' }, 'name')).toBeNull();
  });
});
