import { describe, expect, it } from 'vitest';
import { splitBlocks } from '@/lib/markdown/blocks';
import { checkTranslation, hasErrors, type CheckCode } from '@/lib/translation/checks';

/** The issues of translating one source block as `text`, as [code, severity] pairs. */
function check(source: string, text: string, locale = 'zh') {
  const blocks = splitBlocks(source);
  expect(blocks).toHaveLength(1);
  return checkTranslation(blocks, [text], { title: '标题', locale }).map((i) => [i.code, i.severity] as [CheckCode, string]);
}

describe('translation checks', () => {
  it('finds nothing wrong with a faithful translation', () => {
    const source = '## Why LoRA\n\nSee [the paper](https://arxiv.org/abs/2106.09685) and ![chart](/c.png).\n\n```python\nx = 1\n```\n\n- item [a](https://a.example)';
    const translation = ['## 为什么用 LoRA', '参见[论文](https://arxiv.org/abs/2106.09685)和![图表](/c.png)。', '```python\nx = 1\n```', '- 条目 [a](https://a.example)'];
    expect(checkTranslation(splitBlocks(source), translation, { title: '标题', locale: 'zh' })).toEqual([]);
  });

  it('untranslated: an empty prose block is an error', () => {
    expect(check('Some text.', '')).toEqual([['untranslated', 'error']]);
    expect(check('Some text.', '   \n')).toEqual([['untranslated', 'error']]);
  });

  it('sameAsSource: a block left as the source is a warning, so names and numbers can stay', () => {
    expect(check('## LoRA', '## LoRA')).toEqual([['sameAsSource', 'warning']]);
    expect(check('| Model | Score |\n|---|---|\n| BERT | 0.91 |', '| Model | Score |\n|---|---|\n| BERT | 0.91 |')).toEqual([['sameAsSource', 'warning']]);
  });

  it('missingLink: a link target the source has and the translation lost', () => {
    expect(check('Read [the docs](https://hf.co/docs).', '阅读文档。')).toEqual([['missingLink', 'error']]);
    expect(check('Read [the docs](https://hf.co/docs).', '阅读[文档](https://hf.co/other)。')).toEqual([['missingLink', 'error']]);
    expect(check('Read [the docs](https://hf.co/docs).', '阅读[文档](https://hf.co/docs)。')).toEqual([]);
    expect(check('<p>See <a href="https://x.example">x</a></p>', '<p>见 <a href="https://x.example">x</a></p>')).toEqual([]);
  });

  it('missingLink counts each occurrence: twice in the source needs twice in the translation', () => {
    expect(check('[a](https://a.example) and [b](https://a.example)', '[甲](https://a.example) 和乙')).toEqual([['missingLink', 'error']]);
  });

  it('missingImage: an image the translation lost, in Markdown or raw HTML', () => {
    expect(check('Look: ![chart](/chart.png) here.', '看：这里。')).toEqual([['missingImage', 'error']]);
    expect(check('<figure><img src="/a.png"></figure>', '<figure></figure>')).toEqual([['missingImage', 'error']]);
    expect(check('Look: ![chart](/chart.png) here.', '看：![图表](/chart.png)这里。')).toEqual([]);
  });

  it('missingCode: a code block emptied or turned into prose', () => {
    expect(check('```python\nprint(1)\n```', '')).toEqual([['missingCode', 'error']]);
    expect(check('```python\nprint(1)\n```', 'print(1)')).toContainEqual(['missingCode', 'error']);
    expect(check('```python\nprint(1)\n```', '```python\nprint(1)  # 打印\n```')).toEqual([]);
  });

  it('missingHeading: a heading whose level changed or that became a paragraph', () => {
    expect(check('## Setup', '### 设置')).toEqual([['missingHeading', 'error']]);
    expect(check('## Setup', '设置')).toEqual([['missingHeading', 'error']]);
    expect(check('## Setup', '## 设置')).toEqual([]);
  });

  it('brokenMarkdown: link syntax that no longer parses, or a block that changed kind', () => {
    expect(check('See [docs](https://d.example).', '参见[文档](https://d.example')).toContainEqual(['brokenMarkdown', 'error']);
    expect(check('Plain text.', '见 [文本](')).toEqual([['brokenMarkdown', 'error']]);
    expect(check('- an item', '一个条目')).toEqual([['brokenMarkdown', 'error']]);
    expect(check('> a quote', '一句引文')).toEqual([['brokenMarkdown', 'error']]);
  });

  it('brokenMarkdown is not raised for bracket text the source has too', () => {
    expect(check('Call f[x](y without closing.', '调用 f[x](y 而不闭合。')).toEqual([]);
  });

  it('cjkSpacing: Chinese run into Latin letters or digits is a warning, for Chinese only', () => {
    expect(check('Train on a GPU.', '在GPU上训练。')).toEqual([['cjkSpacing', 'warning']]);
    expect(check('Train on a GPU.', '在 GPU 上训练。')).toEqual([]);
    expect(check('Train for 3 epochs.', '训练3轮。')).toEqual([['cjkSpacing', 'warning']]);
    expect(check('Train on a GPU.', '在GPU上训练。', 'en')).toEqual([]);
  });

  it('cjkSpacing ignores code, where spacing is not prose', () => {
    expect(check('```\nprint("你好GPU")\n```', '```\nprint("你好GPU")\n```')).toEqual([]);
  });

  it('missingTitle: the title is required', () => {
    const issues = checkTranslation(splitBlocks('Text.'), ['文本。'], { title: '  ', locale: 'zh' });
    expect(issues).toEqual([{ block: -1, severity: 'error', code: 'missingTitle' }]);
  });

  it('reports the block each issue belongs to, and only errors block a submission', () => {
    const issues = checkTranslation(splitBlocks('One.\n\nTwo.\n\nThree GPU.'), ['一。', '', '三GPU。'], { title: '标题', locale: 'zh' });
    expect(issues).toEqual([
      { block: 1, severity: 'error', code: 'untranslated' },
      { block: 2, severity: 'warning', code: 'cjkSpacing' },
    ]);
    expect(hasErrors(issues)).toBe(true);
    expect(hasErrors(issues.filter((i) => i.severity === 'warning'))).toBe(false);
  });
});
