'use client';

import { useDeferredValue, useMemo } from 'react';
import type { BlockKind } from '@/lib/markdown/blocks';
import { checkTranslation, type CheckIssue } from '@/lib/translation/checks';

// Parsing every block on every keystroke would make long posts sluggish: results are remembered
// per (block, text), and the same array comes back for an unchanged block so its row does not
// re-render.
const memo = new Map<string, CheckIssue[]>();
const MEMO_LIMIT = 5000;

function checkBlock(index: number, block: { kind: BlockKind; source: string }, text: string, locale: string): CheckIssue[] {
  const key = `${index}\u0000${locale}\u0000${block.kind}\u0000${block.source}\u0000${text}`;
  const known = memo.get(key);
  if (known) return known;
  const issues = checkTranslation([{ kind: block.kind, text: block.source }], [text], { title: '-', locale }).map((issue) => ({ ...issue, block: index }));
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, issues);
  return issues;
}

export type BlockChecks = { perBlock: CheckIssue[][]; title: CheckIssue[]; errors: number; warnings: number; all: CheckIssue[] };

/** The same checks the server runs before accepting a submission, as the user types. */
export function useChecks(blocks: readonly { kind: BlockKind; source: string }[], texts: readonly string[], title: string, locale: string): BlockChecks {
  const deferred = useDeferredValue(texts);
  const perBlock = useMemo(() => blocks.map((block, i) => checkBlock(i, block, deferred[i] ?? '', locale)), [blocks, deferred, locale]);
  return useMemo(() => {
    const titleIssues: CheckIssue[] = title.trim() ? [] : [{ block: -1, severity: 'error', code: 'missingTitle' }];
    const all = [...titleIssues, ...perBlock.flat()];
    return {
      perBlock,
      title: titleIssues,
      all,
      errors: all.filter((i) => i.severity === 'error').length,
      warnings: all.filter((i) => i.severity === 'warning').length,
    };
  }, [perBlock, title]);
}
