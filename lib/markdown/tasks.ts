// Everything the site does with Markdown whose cost can grow faster than the text: parsing in
// remark is superlinear on some inputs (runs of `*_`, deep nesting). These run on the worker
// threads of lib/markdown/pool.ts, never on a thread that answers requests.
import { prepareLocalization, sourceBlockHashes } from '@/lib/content/prepare';
import { splitBlocks, type BlockKind } from '@/lib/markdown/blocks';
import { assertNesting } from '@/lib/markdown/limits';
import { plainTextFromMarkdown } from '@/lib/markdown/reading-time';
import { renderMarkdown } from '@/lib/markdown/render';
import { checkTranslation } from '@/lib/translation/checks';

type LocalizationText = { title: string; summary?: string | null; body: string };

export const markdownTasks = {
  render: (markdown: string) => (assertNesting(markdown), renderMarkdown(markdown)),
  splitBlocks: (markdown: string) => (assertNesting(markdown), splitBlocks(markdown)),
  plainText: (markdown: string) => (assertNesting(markdown), plainTextFromMarkdown(markdown)),
  prepare: (input: LocalizationText) => (assertNesting(input.body), prepareLocalization(input)),
  /** An original's version: also the hash of each block, which its translations are checked against. */
  prepareSource: (input: LocalizationText) => {
    assertNesting(input.body);
    const prepared = prepareLocalization(input);
    return { ...prepared, blockHashes: sourceBlockHashes(prepared.body) };
  },
  check: (source: { kind: BlockKind; text: string }[], translation: readonly string[], options: { title: string; locale: string }) => {
    translation.forEach(assertNesting);
    return checkTranslation(source, translation, options);
  },
};

export type MarkdownTasks = typeof markdownTasks;
export type MarkdownTaskName = keyof MarkdownTasks;
