import type { Nodes, Parents, Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const CJK_CHARS_PER_MINUTE = 300;
const WORDS_PER_MINUTE = 220;

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly).use(remarkMath).freeze();

// Scripts written without spaces between words, so each character is counted as a unit.
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// Link text that is just the address (autolinks, GFM literal links) is a URL, not prose.
const BARE_URL = /^(?:[a-z][a-z\d+.-]*:\/\/\S+|(?:mailto|tel):\S+|www\.\S+|[^\s@]+@[^\s@]+\.[^\s@]+)$/i;

const PHRASING_PARENTS = new Set<Nodes['type']>([
  'paragraph',
  'heading',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'tableCell',
]);

function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
      .replace(/<(script|style|textarea|title)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
      .replace(/<\/?(?:p|div|br|li|tr|h[1-6]|figure|figcaption|blockquote|table|details|summary)\b[^>]*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  );
}

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => fromCodePoint(Number.parseInt(dec, 10)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function fromCodePoint(code: number): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

function textOf(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
    case 'math':
    case 'inlineMath':
      return node.value;
    case 'html':
      return htmlToText(node.value);
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
    case 'definition':
    case 'footnoteReference':
    case 'yaml':
    case 'thematicBreak':
      return '';
    case 'link': {
      const text = childrenText(node);
      return BARE_URL.test(text.trim()) ? '' : text;
    }
    case 'tableRow':
      return node.children.map(textOf).join(' ');
    default:
      return 'children' in node ? childrenText(node) : '';
  }
}

function childrenText(node: Parents): string {
  const separator = PHRASING_PARENTS.has(node.type) ? '' : '\n\n';
  return (node.children as Nodes[])
    .map(textOf)
    .filter((text) => text !== '')
    .join(separator);
}

/**
 * The words a reader sees: Markdown syntax, HTML tags, comments and URLs are dropped; code
 * text is kept. Blocks are separated by a blank line.
 */
export function plainTextFromMarkdown(markdown: string): string {
  const tree = parser.parse(markdown) as Root;
  return childrenText(tree)
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Estimated minutes to read, rounded up, never less than one. */
export function readingMinutes(markdown: string): number {
  return readingMinutesOfText(plainTextFromMarkdown(markdown));
}

/** `readingMinutes` for text already extracted with `plainTextFromMarkdown`, saving a parse. */
export function readingMinutesOfText(text: string): number {
  const cjk = text.match(CJK_CHAR)?.length ?? 0;
  const words = text
    .replace(CJK_CHAR, ' ')
    .split(/\s+/)
    .filter((token) => HAS_LETTER_OR_DIGIT.test(token)).length;
  const minutes = cjk / CJK_CHARS_PER_MINUTE + words / WORDS_PER_MINUTE;
  // The epsilon keeps exact multiples (3,000 characters = 10 minutes) from rounding up on
  // floating-point noise.
  return Math.max(1, Math.ceil(minutes - 1e-9));
}
