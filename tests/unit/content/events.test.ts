import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessEventType, planEvents } from '@/lib/content/import/events';
import { readYamlList } from '@/lib/content/import/index-files';

const FIXTURE = path.join(process.cwd(), 'tests', 'fixtures', 'hf-blog');

describe('_events.yml', () => {
  it('pairs languages by link, keeps same-named events apart, and skips undated entries', async () => {
    const en = await readYamlList(path.join(FIXTURE, '_events.yml'));
    const zh = await readYamlList(path.join(FIXTURE, 'zh', '_events.yml'));
    const plan = planEvents(
      [
        { path: 'zh/_events.yml', locale: 'zh', items: zh.items },
        { path: '_events.yml', locale: 'en', items: en.items },
      ],
      'en',
    );
    const bySlug = Object.fromEntries(plan.events.map((e) => [e.slug, e]));
    expect(Object.keys(bySlug).sort()).toEqual([
      'lora-office-hours',
      'qiao-community-sprint-beijing',
      'reading-group-2026-01-08',
      'reading-group-2026-02-05',
      '抱抱脸本地化小组志愿者招募',
    ]);
    const sprint = bySlug['qiao-community-sprint-beijing']!;
    expect(sprint.localizations.map((l) => [l.locale, l.title])).toEqual([
      ['en', 'Qiao Community Sprint Beijing'],
      ['zh', 'Qiao 社区北京冲刺活动'],
    ]);
    expect(sprint.type).toBe('HACKATHON');
    // All day, 18 to 20 April, in the community's time zone.
    expect(sprint.startsAt.toISOString()).toBe('2026-04-17T16:00:00.000Z');
    expect(sprint.endsAt.toISOString()).toBe('2026-04-20T15:59:00.000Z');
    expect(sprint.registrationUrl).toBe('https://example.org/events/sprint-beijing');
    expect(sprint.files.sort()).toEqual(['_events.yml', 'zh/_events.yml']);
    expect(bySlug['lora-office-hours']!.type).toBe('TALK');
    expect(bySlug['reading-group-2026-01-08']!.type).toBe('MEETUP');
    expect(plan.warnings.get('_events.yml')).toEqual(['entry 5 ("An Event Nobody Dated") skipped: date "sometime soon" not understood']);
  });

  it('guesses the type from the name, in English and Chinese', () => {
    expect(guessEventType('Masader Hackathon')).toBe('HACKATHON');
    expect(guessEventType('飞桨黑客马拉松第四期')).toBe('HACKATHON');
    expect(guessEventType('Robust Speech Recognition Challenge')).toBe('COMPETITION');
    expect(guessEventType('Hugging Face AI Hardware Summit Workshop')).toBe('COURSE');
    expect(guessEventType('造个 🤖️ 去瀛海威广场聚会啦！')).toBe('MEETUP');
    expect(guessEventType('直播 (回放)：扩散模型分享')).toBe('TALK');
    expect(guessEventType('Hugging Face 社区投稿')).toBe('OTHER');
  });
});

describe('event links', () => {
  it('drop a link that is not an http(s) address, with a warning', () => {
    const plan = planEvents([{ path: '_events.yml', locale: 'en', items: [{ name: 'Meetup', link: 'javascript:alert(1)', date: 'May 1, 2026' }] }], 'en');
    expect(plan.events[0]?.registrationUrl).toBeNull();
    expect(plan.warnings.get('_events.yml')).toEqual(['entry 1 ("Meetup"): link "javascript:alert(1)" is not an http(s) address; ignored']);
  });
});
