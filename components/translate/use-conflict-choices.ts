'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Conflict } from '@/lib/dal/translation-drafts';
import type { Snapshot } from '@/components/translate/snapshot';

type Target = number | 'title';

type Options = {
  conflict: Conflict | null;
  current: Snapshot;
  setTitle: (title: string) => void;
  setTexts: (update: (texts: readonly string[]) => readonly string[]) => void;
  settle: (conflict: Conflict) => void;
  save: () => Promise<unknown>;
};

/**
 * The user's way out of a save conflict: for each block (and the title) that differs, keep their
 * own text or take the other version's. When nothing is left to decide, the other version becomes
 * the base and the result is saved over it.
 */
export function useConflictChoices({ conflict, current, setTitle, setTexts, settle, save }: Options) {
  const [kept, setKept] = useState<{ version: number; targets: ReadonlySet<Target> }>({ version: 0, targets: new Set() });
  const targets = useMemo(() => (conflict && kept.version === conflict.version ? kept.targets : new Set<Target>()), [conflict, kept]);
  const latest = useRef(current);
  useEffect(() => {
    latest.current = current;
  }, [current]);

  const theirsByBlock = useMemo(() => {
    const open = new Map<number, string>();
    conflict?.blocks.forEach((theirs, i) => {
      if (theirs !== current.blocks[i] && !targets.has(i)) open.set(i, theirs);
    });
    return open;
  }, [conflict, current.blocks, targets]);
  const theirTitle = conflict && conflict.title !== current.title && !targets.has('title') ? conflict.title : undefined;

  const decide = useCallback(
    (target: Target, choice: 'mine' | 'theirs') => {
      if (!conflict) return;
      const now = latest.current;
      const nextKept = choice === 'mine' ? new Set(targets).add(target) : targets;
      const title = choice === 'theirs' && target === 'title' ? conflict.title : now.title;
      const blocks = choice === 'theirs' && typeof target === 'number' ? now.blocks.map((text, i) => (i === target ? (conflict.blocks[i] ?? '') : text)) : now.blocks;
      if (choice === 'theirs') {
        if (target === 'title') setTitle(conflict.title);
        else setTexts((texts) => texts.map((text, i) => (i === target ? (conflict.blocks[i] ?? '') : text)));
      }
      const remaining = conflict.blocks.some((theirs, i) => theirs !== blocks[i] && !nextKept.has(i)) || (conflict.title !== title && !nextKept.has('title'));
      setKept({ version: conflict.version, targets: remaining ? nextKept : new Set() });
      if (!remaining) settle(conflict);
    },
    [conflict, targets, setTitle, setTexts, settle],
  );

  const keepAllMine = useCallback(() => {
    if (!conflict) return;
    settle(conflict);
    void save();
  }, [conflict, settle, save]);

  const takeAllTheirs = useCallback(() => {
    if (!conflict) return;
    setTitle(conflict.title);
    setTexts(() => conflict.blocks);
    settle(conflict);
  }, [conflict, setTitle, setTexts, settle]);

  const keepMine = useCallback((i: number) => decide(i, 'mine'), [decide]);
  const takeTheirs = useCallback((i: number) => decide(i, 'theirs'), [decide]);

  return {
    theirsByBlock,
    theirTitle,
    differing: theirsByBlock.size + (theirTitle !== undefined ? 1 : 0),
    keepMine,
    takeTheirs,
    keepTitle: () => decide('title', 'mine'),
    takeTitle: () => decide('title', 'theirs'),
    keepAllMine,
    takeAllTheirs,
  };
}
