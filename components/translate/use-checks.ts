'use client';

import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { BlockKind } from '@/lib/markdown/blocks';
import type { CheckIssue } from '@/lib/translation/checks';
import { createBlockChecker, type BlockChecker } from '@/components/translate/block-checker';

// Results are remembered per (block, text): only the block being typed in is checked again, and
// an unchanged block keeps the same array, so its row does not re-render.
const memo = new Map<string, CheckIssue[]>();
const MEMO_LIMIT = 5000;

type Block = { kind: BlockKind; source: string };
type Answer = { key: string; issues: CheckIssue[] };

const keyOf = (index: number, block: Block, text: string, locale: string) => `${index}\u0000${locale}\u0000${block.kind}\u0000${block.source}\u0000${text}`;

export type BlockChecks = { perBlock: CheckIssue[][]; title: CheckIssue[]; errors: number; warnings: number; all: CheckIssue[]; pending: boolean };

/**
 * The same checks the server runs before accepting a submission, as the user types. They run on
 * a Web Worker; until a block's new text is checked, its last result (at first the server's)
 * stays, and `pending` says so.
 */
export function useChecks(blocks: readonly Block[], texts: readonly string[], title: string, locale: string, initial: readonly CheckIssue[]): BlockChecks {
  const deferred = useDeferredValue(texts);
  const checker = useRef<BlockChecker | null>(null);
  const [answers, setAnswers] = useState<Answer[]>(() => blocks.map((_, i) => ({ key: '', issues: initial.filter((issue) => issue.block === i) })));

  const keys = useMemo(() => blocks.map((block, i) => keyOf(i, block, deferred[i] ?? '', locale)), [blocks, deferred, locale]);

  useEffect(() => {
    const own = (checker.current ??= createBlockChecker());
    let live = true;
    keys.forEach((key, i) => {
      const block = blocks[i]!;
      const known = memo.get(key);
      const answer = known ? Promise.resolve(known) : own.check({ kind: block.kind, source: block.source, text: deferred[i] ?? '', locale });
      void answer.then((found) => {
        const issues = known ?? found.map((issue) => ({ ...issue, block: i }));
        if (!known) {
          if (memo.size >= MEMO_LIMIT) memo.clear();
          memo.set(key, issues);
        }
        if (live) setAnswers((all) => (all[i]?.key === key ? all : all.map((a, j) => (j === i ? { key, issues } : a))));
      });
    });
    return () => {
      live = false;
    };
  }, [keys, blocks, deferred, locale]);

  useEffect(
    () => () => {
      checker.current?.close();
      checker.current = null;
    },
    [],
  );

  return useMemo(() => {
    const perBlock = answers.map((a) => a.issues);
    const titleIssues: CheckIssue[] = title.trim() ? [] : [{ block: -1, severity: 'error', code: 'missingTitle' }];
    const all = [...titleIssues, ...perBlock.flat()];
    return {
      perBlock,
      title: titleIssues,
      all,
      pending: keys.some((key, i) => answers[i]?.key !== key),
      errors: all.filter((i) => i.severity === 'error').length,
      warnings: all.filter((i) => i.severity === 'warning').length,
    };
  }, [answers, keys, title]);
}
