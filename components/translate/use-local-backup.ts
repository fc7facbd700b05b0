'use client';

import { useCallback, useEffect, useState } from 'react';
import { sameSnapshot, type Snapshot } from '@/components/translate/snapshot';

export type Backup = Snapshot & { version: number; at: number };

const PREFIX = 'qiao.translate.';

const keyOf = (draftId: string, version: number) => `${PREFIX}${draftId}.${version}`;

function readBackups(draftId: string): { key: string; backup: Backup }[] {
  const out: { key: string; backup: Backup }[] = [];
  for (let i = 0; i < localStorage.length; i += 1) {
    const key = localStorage.key(i);
    if (!key?.startsWith(`${PREFIX}${draftId}.`)) continue;
    try {
      const value = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<Backup> | null;
      if (value && typeof value.title === 'string' && Array.isArray(value.blocks) && value.blocks.every((b) => typeof b === 'string') && typeof value.at === 'number') {
        out.push({ key, backup: { title: value.title, blocks: value.blocks, version: Number(value.version) || 0, at: value.at } });
      }
    } catch {
      // A copy that no longer parses cannot be offered; it is left for the next clean save.
    }
  }
  return out;
}

function removeBackups(draftId: string, keep?: string) {
  for (const { key } of readBackups(draftId)) if (key !== keep) localStorage.removeItem(key);
}

type Options = { draftId: string; version: number; current: Snapshot; server: Snapshot; dirty: boolean; enabled: boolean };

/**
 * Keeps a copy of unsaved text in this browser, keyed by draft and the version it is based on,
 * so that a crash, a closed laptop or a failed save never loses work; on load, offers a copy that
 * differs from what the server has.
 */
export function useLocalBackup({ draftId, version, current, server, dirty, enabled }: Options) {
  // `checked`: this browser's copies were looked at; until then none may be removed.
  const [{ checked, offer }, setState] = useState<{ checked: boolean; offer: { key: string; backup: Backup } | null }>({ checked: false, offer: null });

  useEffect(() => {
    if (!enabled) return;
    const newest = readBackups(draftId)
      .filter(({ backup }) => backup.blocks.length === server.blocks.length)
      .sort((a, b) => b.backup.at - a.backup.at)[0];
    // Browser storage exists only after hydration; the offer is read from it once, on load.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setState({ checked: true, offer: newest && !sameSnapshot(newest.backup, server) ? newest : null });
  }, [draftId, enabled, server]);

  useEffect(() => {
    if (!enabled || !dirty) return;
    const write = () => {
      try {
        localStorage.setItem(keyOf(draftId, version), JSON.stringify({ version, title: current.title, blocks: current.blocks, at: Date.now() }));
      } catch {
        // Storage full or disabled: the server copy and the beforeunload warning remain.
      }
    };
    const timer = setTimeout(write, 400);
    window.addEventListener('pagehide', write);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pagehide', write);
    };
  }, [enabled, dirty, current, draftId, version]);

  // Once the server has everything typed here, the copies are no longer needed, except one the
  // user has not yet decided about.
  useEffect(() => {
    if (enabled && checked && !dirty) removeBackups(draftId, offer?.key);
  }, [enabled, checked, dirty, version, draftId, offer]);

  const dismiss = useCallback(() => {
    if (offer) localStorage.removeItem(offer.key);
    setState({ checked: true, offer: null });
  }, [offer]);

  const forget = useCallback(() => removeBackups(draftId), [draftId]);

  return { offer: offer?.backup ?? null, dismiss, forget };
}
