import { createHash } from 'node:crypto';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { Root, RootContent } from 'mdast';

export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'table' | 'code' | 'math' | 'html' | 'blockquote' | 'thematicBreak' | 'other';

export type SourceBlock = { kind: BlockKind; text: string; hash: string; start: number; end: number };

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

function kindOf(node: RootContent): BlockKind {
  switch (node.type) {
    case 'heading':
    case 'paragraph':
    case 'listItem':
    case 'table':
    case 'code':
    case 'math':
    case 'html':
    case 'blockquote':
    case 'thematicBreak':
      return node.type;
    default:
      return 'other';
  }
}

export function hashBlock(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n').trim()).digest('hex').slice(0, 16);
}

/**
 * Splits Markdown into the units a translator works on: top-level blocks, with lists split into
 * their items. Each block keeps its exact source text and a hash of it, so that a translation
 * can later tell which blocks of its original changed.
 */
export function splitBlocks(markdown: string): SourceBlock[] {
  const tree = parser.parse(markdown) as Root;
  const out: SourceBlock[] = [];
  const push = (node: RootContent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const text = markdown.slice(start, end);
    out.push({ kind: kindOf(node), text, hash: hashBlock(text), start, end });
  };
  for (const node of tree.children) {
    if (node.type === 'list') node.children.forEach(push);
    else if (node.type !== 'definition' && node.type !== 'yaml') push(node);
  }
  return out;
}

/**
 * Rebuilds a document from a source and one replacement per block, keeping everything between
 * blocks (blank lines, indentation, link definitions) exactly as the source has it.
 */
export function assembleBlocks(source: string, blocks: SourceBlock[], texts: readonly string[]): string {
  let out = '';
  let cursor = 0;
  blocks.forEach((block, index) => {
    out += source.slice(cursor, block.start) + (texts[index] ?? '');
    cursor = block.end;
  });
  return out + source.slice(cursor);
}
