import { describe, expect, it } from 'vitest';
import { plainTextFromMarkdown, readingMinutes, readingMinutesOfText } from '@/lib/markdown/reading-time';

const HAN = '模型训练数据推理微调参数量化部署开源社区';
const chinese = (count: number) => Array.from({ length: count }, (_, i) => HAN[i % HAN.length]).join('');
const english = (count: number) => Array.from({ length: count }, (_, i) => `word${i % 50}`).join(' ');

describe('readingMinutes', () => {
  it('reads 3,000 Chinese characters without spaces in about 10 minutes', () => {
    expect(readingMinutes(chinese(3000))).toBe(10);
  });

  it('reads 2,200 English words in about 10 minutes', () => {
    expect(readingMinutes(english(2200))).toBe(10);
  });

  it('adds Chinese characters and English words in mixed text', () => {
    expect(readingMinutes(`${chinese(1500)}\n\n${english(1100)}`)).toBe(10);
  });

  it('rounds up and never returns less than one minute', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('Hi.')).toBe(1);
    expect(readingMinutes(chinese(3001))).toBe(11);
  });

  it('counts Japanese kana and Korean Hangul per character', () => {
    expect(readingMinutes('ひらがなカタカナ'.repeat(75))).toBe(2);
    expect(readingMinutes('한국어텍스트'.repeat(100))).toBe(2);
  });

  it('counts the words inside code blocks', () => {
    expect(readingMinutes(`Intro.\n\n\`\`\`python\n${english(660)}\n\`\`\`\n`)).toBe(4);
  });

  it('does not count link and image addresses', () => {
    const links = Array.from({ length: 300 }, (_, i) => `<https://example.com/a/${i}> ![](https://example.com/i/${i}.png)`).join('\n');
    const named = Array.from({ length: 100 }, (_, i) => `[word](https://example.com/${i})`).join(' ');
    expect(readingMinutes(`${english(100)}\n\n${links}\n\n${named}`)).toBe(1);
  });

  it('gives the same answer from already extracted text', () => {
    const source = `# Title\n\n${chinese(1000)}\n\n${english(500)}`;
    expect(readingMinutesOfText(plainTextFromMarkdown(source))).toBe(readingMinutes(source));
    expect(readingMinutes(source)).toBe(6);
  });

  it('does not count Markdown syntax, HTML tags or comments', () => {
    const markup = Array.from({ length: 300 }, () => '**a** | <span class="x"></span> <!-- hidden words here --> ---').join('\n\n');
    expect(readingMinutes(markup)).toBe(2);
  });
});

describe('plainTextFromMarkdown', () => {
  const source = [
    '# Fine-tuning **Llama**',
    '',
    'Read [the docs](https://huggingface.co/docs) or visit <https://example.com> and www.example.org.',
    '',
    '![architecture](https://example.com/arch.png)',
    '',
    '<figure class="image text-center"><img src="https://example.com/a.png"><figcaption>Loss &amp; accuracy</figcaption></figure>',
    '',
    '```python',
    'trainer.train()',
    '```',
    '',
    '| Model | Score |',
    '|---|---|',
    '| Llama | 0.9 |',
    '',
    '[ref]: https://example.com/ref',
  ].join('\n');
  const text = plainTextFromMarkdown(source);

  it('keeps the prose and code, block by block', () => {
    expect(text).toBe(
      'Fine-tuning Llama\n\nRead the docs or visit and .\n\nLoss & accuracy\n\ntrainer.train()\n\nModel Score\n\nLlama 0.9',
    );
  });

  it('drops URLs, HTML tags, fence markers and Markdown syntax', () => {
    for (const gone of ['https://', 'www.', '<', '```', 'python', '**', '#', '|', 'arch.png']) {
      expect(text).not.toContain(gone);
    }
  });
});
