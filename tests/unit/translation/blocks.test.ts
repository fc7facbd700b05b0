import { describe, expect, it } from 'vitest';
import { assembleBlocks, hashBlock, splitBlocks } from '@/lib/markdown/blocks';

const DOCUMENT = `# A post

Intro with a [link][ref] and **bold** text.

- one
- two
  - nested stays inside its item

1. first
2. second

\`\`\`python
print("hi")
\`\`\`

| a | b |
|---|---|
| 1 | 2 |

> a quote
> over two lines

<figure><img src="/x.png" alt="x"></figure>

$$
x^2
$$

***

[ref]: https://example.com
`;

describe('splitting Markdown into blocks', () => {
  it('gives one block per heading, paragraph, list item, code, table, quote, HTML, math and rule', () => {
    const blocks = splitBlocks(DOCUMENT);
    expect(blocks.map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'listItem',
      'listItem',
      'listItem',
      'listItem',
      'code',
      'table',
      'blockquote',
      'html',
      'math',
      'thematicBreak',
    ]);
    expect(blocks.find((b) => b.text.startsWith('- two'))!.text).toContain('nested stays inside its item');
  });

  it('hashes a block by its text, ignoring surrounding whitespace and line endings', () => {
    expect(hashBlock('a\r\nb ')).toBe(hashBlock('a\nb'));
    expect(hashBlock('a b')).not.toBe(hashBlock('a  b'));
  });
});

describe('assembling a document from blocks', () => {
  for (const [name, source] of [
    ['a full document', DOCUMENT],
    ['Windows line endings', DOCUMENT.replace(/\n/g, '\r\n')],
    ['no trailing newline and leading blank lines', `\n\n${DOCUMENT.trimEnd()}`],
    ['Chinese text', '# 标题\n\n中文段落，含有 `code` 与[链接](https://example.com)。\n\n- 列表\n- 项目\n'],
    ['an empty document', ''],
  ] as const) {
    it(`gives the source back byte for byte from its own blocks: ${name}`, () => {
      const blocks = splitBlocks(source);
      expect(assembleBlocks(source, blocks, blocks.map((b) => b.text))).toBe(source);
    });
  }

  it('replaces each block and keeps what lies between blocks', () => {
    const source = '# Title\n\nHello.\n\n- a\n- b\n\n[ref]: https://example.com\n';
    const blocks = splitBlocks(source);
    expect(assembleBlocks(source, blocks, ['# 标题', '你好。', '- 甲', '- 乙'])).toBe('# 标题\n\n你好。\n\n- 甲\n- 乙\n\n[ref]: https://example.com\n');
  });
});
