import { describe, expect, it } from 'vitest';
import { splitBlocks } from '@/lib/markdown/blocks';
import { carryTranslation, prefillBlocks, startsAsCopy } from '@/lib/translation/align';

const OLD = ['# Fine-tuning', 'LoRA trains small adapters.', '```python\nmodel.train()\n```', 'It runs on one GPU.', 'Thanks for reading.'].join('\n\n');
const OLD_ZH = ['# 微调', 'LoRA 训练小型适配器。', '```python\nmodel.train()\n```', '它可以在一块 GPU 上运行。', '感谢阅读。'];

function carry(newBody: string) {
  return carryTranslation(splitBlocks(OLD), OLD_ZH, splitBlocks(newBody));
}

function changedWords(diff: { value: string; added?: boolean; removed?: boolean }[] | null) {
  return {
    removed: (diff ?? []).filter((p) => p.removed).map((p) => p.value.trim()).filter(Boolean).join(' '),
    added: (diff ?? []).filter((p) => p.added).map((p) => p.value.trim()).filter(Boolean).join(' '),
  };
}

describe('a new translation starts from the source', () => {
  it('copies code, math, raw HTML, rules and image-only paragraphs, and leaves prose empty', () => {
    const source = splitBlocks('## Why\n\nText.\n\n```js\nx()\n```\n\n$$\nx^2\n$$\n\n<figure><img src="/a.png"></figure>\n\n---\n\n![chart](/chart.png)');
    expect(prefillBlocks(source)).toEqual(['', '', '```js\nx()\n```', '$$\nx^2\n$$', '<figure><img src="/a.png"></figure>', '---', '![chart](/chart.png)']);
  });

  it('treats a paragraph with text around an image as prose', () => {
    expect(startsAsCopy('paragraph', 'See ![chart](/chart.png) below.')).toBe(false);
  });
});

describe('carrying a translation to a new source revision', () => {
  it('keeps every block when nothing changed', () => {
    const carried = carry(OLD);
    expect(carried.map((b) => b.text)).toEqual(OLD_ZH);
    expect(carried.every((b) => !b.changed && b.sourceDiff === null)).toBe(true);
  });

  it('keeps unchanged blocks, and marks an edited block with a word diff of its source', () => {
    const carried = carry(OLD.replace('It runs on one GPU.', 'It runs on a single consumer GPU.'));
    expect(carried.map((b) => b.changed)).toEqual([false, false, false, true, false]);
    // The old translation stays as the starting point of the edited block.
    expect(carried[3]!.text).toBe('它可以在一块 GPU 上运行。');
    expect(changedWords(carried[3]!.sourceDiff)).toEqual({ removed: 'one', added: 'a single consumer' });
    expect(carried[0]!.text).toBe('# 微调');
    expect(carried[4]!.text).toBe('感谢阅读。');
  });

  it('adds an inserted block as changed, prefilled like a new translation, with its whole text as added', () => {
    const carried = carry(OLD.replace('Thanks for reading.', 'A new paragraph.\n\n```sh\npip install peft\n```\n\nThanks for reading.'));
    expect(carried).toHaveLength(7);
    expect(carried.map((b) => b.changed)).toEqual([false, false, false, false, true, true, false]);
    expect(carried[4]!.text).toBe('');
    expect(carried[5]!.text).toBe('```sh\npip install peft\n```');
    expect(changedWords(carried[4]!.sourceDiff)).toEqual({ removed: '', added: 'A new paragraph.' });
    expect(carried[6]!.text).toBe('感谢阅读。');
  });

  it('drops the translation of a removed block and keeps the others in place', () => {
    const carried = carry(OLD.replace('It runs on one GPU.\n\n', ''));
    expect(carried.map((b) => b.text)).toEqual(['# 微调', 'LoRA 训练小型适配器。', '```python\nmodel.train()\n```', '感谢阅读。']);
    expect(carried.every((b) => !b.changed)).toBe(true);
  });

  it('handles a block that moved: the old position is dropped, the new one is changed', () => {
    const moved = ['# Fine-tuning', 'It runs on one GPU.', 'LoRA trains small adapters.', '```python\nmodel.train()\n```', 'Thanks for reading.'].join('\n\n');
    const carried = carry(moved);
    expect(carried).toHaveLength(5);
    expect(carried.filter((b) => !b.changed).map((b) => b.text)).toContain('感谢阅读。');
    expect(carried.some((b) => b.changed)).toBe(true);
  });
});
