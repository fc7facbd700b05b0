/** What the editor saves: the title and one text per source block. */
export type Snapshot = { title: string; blocks: readonly string[] };

export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return a.title === b.title && a.blocks.length === b.blocks.length && a.blocks.every((text, i) => text === b.blocks[i]);
}

export const EDITABLE_STATUSES: readonly string[] = ['CLAIMED', 'IN_PROGRESS', 'CHANGES_REQUESTED'];
