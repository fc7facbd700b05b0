'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { saveDraftAction, type SaveResult } from '@/lib/actions/translation';
import type { Conflict } from '@/lib/dal/translation-drafts';
import { sameSnapshot, type Snapshot } from '@/components/translate/snapshot';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'offline' }
  | { kind: 'conflict' }
  | { kind: 'error'; message: string };

export type SaveOutcome = 'saved' | 'clean' | 'conflict' | 'offline' | 'error';

const PAUSE_MS = 1500;
const RETRY_MS = [3000, 6000, 15000, 30000] as const;

type Options = { draftId: string; version: number; current: Snapshot; enabled: boolean };

/**
 * Saves the editor's text after a pause in typing, on demand, and again after a network failure.
 * Every save names the version it was based on: when someone else (another tab, another person)
 * saved in between, the server refuses and returns its text, and saving stops until the user has
 * chosen, block by block, what to keep. Nothing typed is ever dropped by this hook.
 */
export function useAutosave({ draftId, version: initialVersion, current, enabled }: Options) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [version, setVersion] = useState(initialVersion);
  // The text the server holds, as far as this tab knows: what "unsaved" is measured against.
  const [saved, setSaved] = useState<Snapshot>(current);

  const currentRef = useRef(current);
  // The same, for async callbacks that must not wait for a re-render to see the latest save.
  const savedRef = useRef<Snapshot>(current);
  const versionRef = useRef(initialVersion);
  const conflictRef = useRef<Conflict | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const failures = useRef(0);

  useEffect(() => {
    currentRef.current = current;
  }, [current]);

  const saveOnce = useCallback(
    async (force: boolean): Promise<SaveOutcome> => {
      const snapshot = currentRef.current;
      if (conflictRef.current) return 'conflict';
      if (!force && sameSnapshot(snapshot, savedRef.current)) return 'clean';
      setStatus({ kind: 'saving' });
      let result: SaveResult;
      try {
        result = await saveDraftAction({ draftId, baseVersion: versionRef.current, title: snapshot.title, blocks: [...snapshot.blocks] });
      } catch {
        setStatus({ kind: 'offline' });
        return 'offline';
      }
      if (result.ok) {
        failures.current = 0;
        versionRef.current = result.version;
        setVersion(result.version);
        savedRef.current = snapshot;
        setSaved(snapshot);
        setStatus({ kind: 'saved', at: result.updatedAt });
        return 'saved';
      }
      if ('conflict' in result) {
        const theirs = { title: result.conflict.title, blocks: result.conflict.blocks };
        // The other save holds exactly this text (a second tab echoing the first): nothing to decide.
        if (sameSnapshot(theirs, currentRef.current)) {
          versionRef.current = result.conflict.version;
          setVersion(result.conflict.version);
          savedRef.current = theirs;
          setSaved(theirs);
          setStatus({ kind: 'saved', at: result.conflict.updatedAt });
          return 'saved';
        }
        conflictRef.current = result.conflict;
        setConflict(result.conflict);
        setStatus({ kind: 'conflict' });
        return 'conflict';
      }
      setStatus({ kind: 'error', message: result.error });
      return 'error';
    },
    [draftId],
  );

  /** Saves now; saves run one after another, each sending whatever is newest when it starts. */
  const save = useCallback(
    (force = false): Promise<SaveOutcome> => {
      const next = queue.current.then(() => saveOnce(force));
      queue.current = next.catch(() => undefined);
      return next;
    },
    [saveOnce],
  );

  const dirty = !sameSnapshot(current, saved);

  useEffect(() => {
    if (!enabled || conflict || !dirty) return;
    const timer = setTimeout(() => void save(), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [enabled, conflict, dirty, current, save]);

  useEffect(() => {
    if (status.kind !== 'offline') return;
    const delay = RETRY_MS[Math.min(failures.current, RETRY_MS.length - 1)];
    failures.current += 1;
    const retry = () => void save();
    const timer = setTimeout(retry, delay);
    window.addEventListener('online', retry);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', retry);
    };
  }, [status, save]);

  /**
   * Ends a conflict: the other version becomes the base, and whatever the editor holds (the user's
   * text, or theirs where they took it) is saved over it by the next save.
   */
  const settleConflict = useCallback((theirs: Conflict) => {
    const base = { title: theirs.title, blocks: theirs.blocks };
    conflictRef.current = null;
    versionRef.current = theirs.version;
    setVersion(theirs.version);
    savedRef.current = base;
    setSaved(base);
    setConflict(null);
    setStatus({ kind: 'saved', at: theirs.updatedAt });
  }, []);

  /** A refusal met elsewhere (a submit based on an old version) is handled like a save's. */
  const reportConflict = useCallback((theirs: Conflict) => {
    conflictRef.current = theirs;
    setConflict(theirs);
    setStatus({ kind: 'conflict' });
  }, []);

  const baseVersion = useCallback(() => versionRef.current, []);

  return { status, conflict, version, dirty, save, settleConflict, reportConflict, baseVersion };
}
