import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import type { BlockKind } from '@/lib/markdown/blocks';
import { startsAsCopy } from '@/lib/translation/align';

export const CHECK_CODES = ['untranslated', 'sameAsSource', 'missingLink', 'missingImage', 'missingCode', 'missingHeading', 'brokenMarkdown', 'cjkSpacing', 'missingTitle', 'tooComplex'] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

/** `block` is -1 for the title. Errors stop a submission; warnings are advice. */
export type CheckIssue = { block: number; severity: 'error' | 'warning'; code: CheckCode; detail?: string };

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly).use(remarkMath);
const HTML_URL = /\b(?:href|src)\s*=\s*["']?([^"'\s>]+)/gi;
const CJK_LATIN = /[\u3400-\u9fff][A-Za-z0-9]|[A-Za-z0-9][\u3400-\u9fff]/;

type Shape = { kind: string; depth: number | null; links: string[]; images: string[]; hasCode: boolean; danglingLink: boolean; prose: string };

function shapeOf(markdown: string): Shape {
  const tree = parser.parse(markdown) as Root;
  const shape: Shape = { kind: tree.children[0]?.type ?? 'empty', depth: null, links: [], images: [], hasCode: false, danglingLink: false, prose: '' };
  const first = tree.children[0];
  if (first?.type === 'heading') shape.depth = first.depth;
  if (first?.type === 'list') shape.kind = 'listItem';
  visit(tree, (node) => {
    switch (node.type) {
      case 'link':
      case 'definition':
        shape.links.push(node.url);
        break;
      case 'image':
        shape.images.push(node.url);
        break;
      case 'code':
        shape.hasCode = true;
        break;
      case 'html':
        for (const m of node.value.matchAll(HTML_URL)) (/<img|<video|<source|<iframe/i.test(node.value) ? shape.images : shape.links).push(m[1]!);
        break;
      case 'text':
        // Link syntax that did not parse as a link stays in the text: `[label](` or `](url)`.
        if (/\]\(|\[[^\]]*\]\s*\(/.test(node.value)) shape.danglingLink = true;
        shape.prose += `${node.value} `;
        break;
    }
  });
  return shape;
}

function missing(source: string[], translation: string[]): string[] {
  const left = [...translation];
  return source.filter((url) => {
    const i = left.indexOf(url);
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
}

/**
 * What a reviewer would otherwise catch by hand: blocks left untranslated, links, images, code and
 * headings the source has and the translation lost, Markdown that no longer parses as intended,
 * and (for Chinese) Chinese and Latin text run together without a space.
 */
export function checkTranslation(
  source: { kind: BlockKind; text: string }[],
  translation: readonly string[],
  options: { title: string; locale: string },
): CheckIssue[] {
  const issues: CheckIssue[] = [];
  if (!options.title.trim()) issues.push({ block: -1, severity: 'error', code: 'missingTitle' });
  source.forEach((block, index) => {
    const text = translation[index] ?? '';
    const copied = startsAsCopy(block.kind, block.text);
    if (!copied && text.trim() === '') {
      issues.push({ block: index, severity: 'error', code: 'untranslated' });
      return;
    }
    // Names, numbers, commands and benchmark tables are often rightly left as they are: a
    // reviewer decides, the translator is not blocked.
    if (!copied && text.trim() === block.text.trim()) {
      issues.push({ block: index, severity: 'warning', code: 'sameAsSource' });
      return;
    }
    if (text.trim() === '') {
      issues.push({ block: index, severity: 'error', code: block.kind === 'code' ? 'missingCode' : 'untranslated' });
      return;
    }
    const want = shapeOf(block.text);
    const got = shapeOf(text);
    for (const url of missing(want.links, got.links)) issues.push({ block: index, severity: 'error', code: 'missingLink', detail: url });
    for (const url of missing(want.images, got.images)) issues.push({ block: index, severity: 'error', code: 'missingImage', detail: url });
    if (want.hasCode && !got.hasCode) issues.push({ block: index, severity: 'error', code: 'missingCode' });
    if (want.depth !== null && got.depth !== want.depth) issues.push({ block: index, severity: 'error', code: 'missingHeading' });
    else if (got.danglingLink && !want.danglingLink) issues.push({ block: index, severity: 'error', code: 'brokenMarkdown' });
    else if (want.kind !== got.kind && !(want.kind === 'paragraph' && got.kind === 'html')) {
      issues.push({ block: index, severity: 'error', code: 'brokenMarkdown', detail: got.kind });
    }
    if (options.locale === 'zh' && !copied && CJK_LATIN.test(got.prose)) issues.push({ block: index, severity: 'warning', code: 'cjkSpacing' });
  });
  return issues;
}

export function hasErrors(issues: CheckIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
