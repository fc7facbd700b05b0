import { describe, expect, it } from 'vitest';
import { searchTerms, segmentForSearch } from '@/lib/search/segment';

const lexemes = (text: string) => new Set(segmentForSearch(text).split(' '));
/** What an AND of 'simple' lexemes does in PostgreSQL: every query term must be in the document. */
const matches = (document: string, query: string) => {
  const terms = searchTerms(query);
  const words = lexemes(document);
  return terms.length > 0 && terms.every((term) => words.has(term));
};

describe('segmentForSearch', () => {
  it('splits Chinese into words', () => {
    expect([...lexemes('微调模型')]).toEqual(expect.arrayContaining(['微调', '模型']));
    expect([...lexemes('消费级GPU')]).toEqual(expect.arrayContaining(['消费', '级', 'gpu']));
  });

  it('lowercases and NFKC-normalises, and drops punctuation', () => {
    expect(segmentForSearch('Hugging Face Transformers')).toBe('hugging face transformers');
    expect(segmentForSearch('ＬｏＲＡ，QLoRA！')).toBe('lora qlora');
  });

  it('separates Chinese from English in mixed text', () => {
    const words = lexemes('用PyTorch微调LLaMA模型，再部署到 Hugging Face。');
    for (const word of ['用', 'pytorch', '微调', 'llama', '模型', '部署', 'hugging', 'face']) expect(words).toContain(word);
  });

  it('returns an empty string for text without words', () => {
    expect(segmentForSearch('，。！？ …')).toBe('');
  });
});

describe('searchTerms', () => {
  it('segments a query like a document', () => {
    expect(searchTerms('微调')).toEqual(['微调']);
    expect(searchTerms('消费级 GPU')).toEqual(['消费', '级', 'gpu']);
  });

  it('deduplicates case-insensitively', () => {
    expect(searchTerms('LoRA lora LORA 微调 微调')).toEqual(['lora', '微调']);
  });

  it('caps the number and the length of terms', () => {
    const many = Array.from({ length: 50 }, (_, i) => `term${i}`).join(' ');
    expect(searchTerms(many)).toHaveLength(32);
    expect(searchTerms('x'.repeat(200))[0]).toHaveLength(64);
  });

  it('returns nothing for a query without words', () => {
    expect(searchTerms('  !!! ，，')).toEqual([]);
  });
});

describe('searching segmented text', () => {
  const post = '微调模型可以在消费级GPU上训练';

  it.each(['微调', '模型', '微调模型', '消费级', 'GPU', 'gpu', '训练', '微调 gpu', '模型 微调'])(
    'finds "%s" in the post',
    (query) => {
      expect(matches(post, query)).toBe(true);
    },
  );

  it.each(['预训练', '微调 cpu', '显卡', 'transformers'])('does not find "%s" in the post', (query) => {
    expect(matches(post, query)).toBe(false);
  });

  it('finds a Chinese word however the surrounding text was segmented', () => {
    expect(matches('南京市长江大桥', '长江大桥')).toBe(true);
    expect(matches('南京市长江大桥', '南京')).toBe(true);
    expect(matches('南京市长江大桥', '大桥')).toBe(true);
    expect(matches('在消费级显卡上训练', '显卡')).toBe(true);
    expect(matches('我们在消费级显卡上训练大模型', '显卡 训练')).toBe(true);
    expect(matches('我们在消费级显卡上训练大模型', '显卡推理')).toBe(false);
  });

  it('finds English words in mixed Chinese text', () => {
    expect(matches('用 PyTorch 微调 LLaMA 模型', 'pytorch llama')).toBe(true);
    expect(matches('用PyTorch微调LLaMA模型', 'PyTorch 微调')).toBe(true);
  });
});
