import { beforeAll, describe, expect, it } from 'vitest';
import { upsertPostContent, type PostContentInput } from '@/lib/dal/content';
import { getPublishedPost, listPosts, listPostsByTag, PAGE_SIZE } from '@/lib/dal/posts';
import { searchPosts } from '@/lib/dal/search';

const system = { kind: 'system', reason: 'seed' } as const;

function post(slug: string, overrides: Partial<PostContentInput> = {}): PostContentInput {
  return {
    slug,
    sourceLocale: 'en',
    publishedAt: new Date('2026-01-01T00:00:00Z'),
    authors: [{ handle: 'ada', displayName: 'Ada' }],
    tags: [{ slug: 'guide', labels: { en: 'Guide', zh: '指南' } }],
    localizations: [{ locale: 'en', title: `Post ${slug}`, body: `# Post ${slug}\n\nSome text about ${slug}.`, published: true }],
    ...overrides,
  };
}

describe('posts in the database', () => {
  beforeAll(async () => {
    await upsertPostContent(
      post('lora-guide', {
        publishedAt: new Date('2026-03-01T00:00:00Z'),
        localizations: [
          {
            locale: 'en',
            title: 'Fine-tuning with LoRA',
            body: '## Why\n\nFine-tuning a model on a consumer GPU.\n\n## How\n\nUse PEFT.',
            published: true,
          },
          {
            locale: 'zh',
            title: '用 LoRA 微调',
            body: '## 为什么\n\n微调模型可以在消费级GPU上训练。\n\n## 怎么做\n\n使用 PEFT。',
            published: true,
            translators: [{ handle: 'zhangwei', displayName: 'Zhang Wei' }],
            proofreaders: [{ handle: 'wangfang', displayName: 'Wang Fang' }],
          },
        ],
      }),
      system,
    );
  });

  it('serves the stored, rendered HTML with credits, tags and a table of contents', async () => {
    const found = await getPublishedPost('lora-guide', 'zh');
    expect(found.kind).toBe('found');
    if (found.kind !== 'found') return;
    expect(found.post.html).toContain('<h2 id="为什么"');
    expect(found.post.toc.map((e) => e.text)).toEqual(['为什么', '怎么做']);
    expect(found.post.translators.map((a) => a.handle)).toEqual(['zhangwei']);
    expect(found.post.proofreaders.map((a) => a.handle)).toEqual(['wangfang']);
    expect(found.post.tags).toEqual([{ slug: 'guide', label: '指南' }]);
    expect(found.post.isTranslation).toBe(true);
    expect(found.post.isBehindSource).toBe(false);
    expect(found.post.alternates).toEqual([{ locale: 'en', title: 'Fine-tuning with LoRA' }]);
  });

  it('says when a post has no version in the asked language, and when it does not exist', async () => {
    await upsertPostContent(post('english-only'), system);
    expect(await getPublishedPost('english-only', 'zh')).toEqual({ kind: 'untranslated', title: 'Post english-only', locale: 'en' });
    expect(await getPublishedPost('no-such-post', 'en')).toEqual({ kind: 'missing' });
  });

  it('marks a translation behind when its original changes, and not before', async () => {
    const edited = post('lora-guide', {
      publishedAt: new Date('2026-03-01T00:00:00Z'),
      localizations: [
        {
          locale: 'en',
          title: 'Fine-tuning with LoRA',
          body: '## Why\n\nFine-tuning a model on one consumer GPU, revised.\n\n## How\n\nUse PEFT.',
          published: true,
        },
        {
          locale: 'zh',
          title: '用 LoRA 微调',
          body: '## 为什么\n\n微调模型可以在消费级GPU上训练。\n\n## 怎么做\n\n使用 PEFT。',
          published: true,
        },
      ],
    });
    await upsertPostContent(edited, system);
    const zh = await getPublishedPost('lora-guide', 'zh');
    expect(zh.kind === 'found' && zh.post.isBehindSource).toBe(true);
    const en = await getPublishedPost('lora-guide', 'en');
    expect(en.kind === 'found' && en.post.isBehindSource).toBe(false);
  });

  it('finds Chinese words inside unspaced text, and English words, ranked', async () => {
    const zh = await searchPosts('微调', 1);
    expect(zh.items.map((h) => `${h.slug}/${h.locale}`)).toContain('lora-guide/zh');
    const gpu = await searchPosts('消费', 1);
    expect(gpu.items.some((h) => h.locale === 'zh')).toBe(true);
    const en = await searchPosts('consumer', 1);
    expect(en.items.map((h) => h.locale)).toEqual(['en']);
    // The title outranks the body.
    await upsertPostContent(
      post('peft-body-only', { localizations: [{ locale: 'en', title: 'Other', body: 'We use peft here.', published: true }] }),
      system,
    );
    await upsertPostContent(
      post('peft-in-title', { localizations: [{ locale: 'en', title: 'PEFT tricks', body: 'Nothing else.', published: true }] }),
      system,
    );
    const ranked = await searchPosts('peft', 1);
    expect(ranked.items[0]?.slug).toBe('peft-in-title');
  });

  it('treats SQL and regex metacharacters, and huge queries, as plain text', async () => {
    for (const q of ['\'; DROP TABLE "Post"; --', '.*(a|b)+$', '\\', '%_%', 'x'.repeat(10_000), '!!!', '&|<->:*']) {
      const result = await searchPosts(q, 1);
      expect(Array.isArray(result.items)).toBe(true);
    }
    expect((await listPosts('en', 1)).total).toBeGreaterThan(0);
  });

  it('pages the listing newest first and filters by tag', async () => {
    for (let i = 0; i < PAGE_SIZE + 2; i += 1) {
      await upsertPostContent(post(`bulk-${i}`, { publishedAt: new Date(Date.UTC(2025, 0, 1 + i)), tags: [{ slug: 'bulk' }] }), system);
    }
    const first = await listPosts('en', 1);
    expect(first.items).toHaveLength(PAGE_SIZE);
    expect(first.items[0]?.slug).toBe('lora-guide');
    const dates = first.items.map((p) => p.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    const byTag = await listPostsByTag('zh', 'bulk', 2);
    expect(byTag?.posts.items).toHaveLength(2);
    expect(byTag?.posts.pages).toBe(2);
    expect(byTag?.posts.items.every((p) => p.locale === 'en' && p.locales.join() === 'en')).toBe(true);
    expect(await listPostsByTag('en', 'no-such-tag', 1)).toBeNull();
  });

  it('never leaves half a post: a failing write rolls back the whole post', async () => {
    // PostgreSQL refuses a NUL byte in text, so the second author fails after the post row,
    // its revision and its first author were already written in the transaction.
    const broken = post('half-written', { authors: [{ handle: 'ok' }, { handle: 'bad\u0000handle' }] });
    await expect(upsertPostContent(broken, system)).rejects.toThrow();
    expect(await getPublishedPost('half-written', 'en')).toEqual({ kind: 'missing' });
  });
});
