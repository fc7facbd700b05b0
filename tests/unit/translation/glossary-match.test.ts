import { describe, expect, it } from 'vitest';
import { markGlossaryTerms, termsIn } from '@/lib/translation/glossary-match';
import { previewMarkdown } from '@/lib/translation/preview-markdown';

const GLOSSARY = [
  { term: 'fine-tuning', translation: '微调', note: null },
  { term: 'model', translation: '模型', note: null },
  { term: 'language model', translation: '语言模型', note: 'not 语言模式' },
  { term: 'LoRA', translation: 'LoRA', note: 'keep in English' },
  { term: 'C++', translation: 'C++', note: null },
  { term: '扩散', translation: 'diffusion', note: null },
];

function marked(text: string) {
  return markGlossaryTerms(text, GLOSSARY)
    .filter((p) => p.term)
    .map((p) => `${p.text}→${p.term!.translation}`);
}

describe('glossary terms in a source block', () => {
  it('matches Latin terms as whole words, in any case', () => {
    expect(marked('Fine-Tuning a MODEL with lora.')).toEqual(['Fine-Tuning→微调', 'MODEL→模型', 'lora→LoRA']);
  });

  it('does not match inside a longer word', () => {
    expect(marked('models remodel LoRAX pre-model')).toEqual([]);
  });

  it('prefers the longer term, across line breaks', () => {
    expect(marked('A large language\nmodel and a model.')).toEqual(['language\nmodel→语言模型', 'model→模型']);
  });

  it('matches terms with symbols, and Chinese terms anywhere', () => {
    expect(marked('Written in C++, 扩散模型')).toEqual(['C++→C++', '扩散→diffusion']);
  });

  it('keeps the text whole', () => {
    const text = 'Use LoRA for fine-tuning, then a language model.';
    expect(markGlossaryTerms(text, GLOSSARY).map((p) => p.text).join('')).toBe(text);
    expect(markGlossaryTerms(text, []).map((p) => p.text).join('')).toBe(text);
  });

  it('lists each term found once', () => {
    expect(termsIn('LoRA, lora and LORA with a model', GLOSSARY).map((t) => t.term)).toEqual(['LoRA', 'model']);
  });
});

describe('the preview document', () => {
  it('keeps list items together and other blocks a paragraph apart', () => {
    const blocks = [{ kind: 'heading' }, { kind: 'listItem' }, { kind: 'listItem' }, { kind: 'paragraph' }] as const;
    expect(previewMarkdown(blocks, ['## 标题', '- 一', '- 二', '段落。'])).toBe('## 标题\n\n- 一\n- 二\n\n段落。\n');
  });
});
