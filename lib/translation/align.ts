import { diffArrays, diffWordsWithSpace } from 'diff';
import type { BlockKind } from '@/lib/markdown/blocks';

export type DiffPart = { value: string; added?: boolean; removed?: boolean };

/** Blocks whose text is code or markup, not prose: a translation starts as a copy of them. */
const COPIED_KINDS: ReadonlySet<BlockKind> = new Set(['code', 'math', 'html', 'thematicBreak']);

const IMAGE_ONLY = /^\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+$/;

export function startsAsCopy(kind: BlockKind, text: string): boolean {
  return COPIED_KINDS.has(kind) || IMAGE_ONLY.test(text);
}

/** The first texts of a new translation: code, math, raw HTML and images copied, prose empty. */
export function prefillBlocks(source: { kind: BlockKind; text: string }[]): string[] {
  return source.map((b) => (startsAsCopy(b.kind, b.text) ? b.text : ''));
}

export type CarriedBlock = {
  text: string;
  /** The source block changed (or is new) since the translation was made. */
  changed: boolean;
  /** For a changed block: the word-level change of its source, old to new. */
  sourceDiff: DiffPart[] | null;
};

/**
 * Moves a translation from the source revision it was made from to the newest one. Blocks whose
 * source text is unchanged keep their translation; changed blocks keep the old translation as a
 * starting point and carry a word diff of what changed in the source.
 */
export function carryTranslation(
  oldSource: { hash: string; text: string }[],
  oldTranslation: readonly string[],
  newSource: { hash: string; text: string; kind: BlockKind }[],
): CarriedBlock[] {
  const out: CarriedBlock[] = [];
  let oldIndex = 0;
  const parts = diffArrays(
    oldSource.map((b) => b.hash),
    newSource.map((b) => b.hash),
  );
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      for (let k = 0; k < part.count!; k += 1) {
        out.push({ text: oldTranslation[oldIndex] ?? '', changed: false, sourceDiff: null });
        oldIndex += 1;
      }
    } else if (part.removed) {
      // A removal followed by an addition is an edit of those blocks: pair them in order.
      const next = parts[i + 1];
      const removedStart = oldIndex;
      oldIndex += part.count!;
      if (next?.added) {
        for (let k = 0; k < next.count!; k += 1) {
          const target = newSource[out.length]!;
          const before = k < part.count! ? oldSource[removedStart + k] : undefined;
          out.push({
            text: before ? (oldTranslation[removedStart + k] ?? '') : prefillBlocks([target])[0]!,
            changed: true,
            sourceDiff: diffWordsWithSpace(before?.text ?? '', target.text),
          });
        }
        i += 1;
      }
    } else {
      for (let k = 0; k < part.count!; k += 1) {
        const target = newSource[out.length]!;
        out.push({ text: prefillBlocks([target])[0]!, changed: true, sourceDiff: diffWordsWithSpace('', target.text) });
      }
    }
  }
  return out;
}
