import type { BlockKind } from '@/lib/markdown/blocks';

/**
 * The translated body as one document, for the live preview. Publishing rebuilds the document
 * around the source's exact spacing (assembleBlocks, which needs the server's copy of the source);
 * here the blocks are joined the way Markdown needs them: items of one list on consecutive lines,
 * everything else a blank line apart.
 */
export function previewMarkdown(blocks: readonly { kind: BlockKind }[], texts: readonly string[]): string {
  let out = '';
  blocks.forEach((block, index) => {
    if (index > 0) out += block.kind === 'listItem' && blocks[index - 1]!.kind === 'listItem' ? '\n' : '\n\n';
    out += (texts[index] ?? '').trim();
  });
  return `${out}\n`;
}
