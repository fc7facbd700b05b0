// An ImportSink that keeps everything in memory and decides "unchanged" by the same hashes the
// database layer compares, so that the importer's reporting can be tested without PostgreSQL.
import type { ImportedDirectoryEntry, ImportedEvent, ImportedPost, ImportSink, Outcome, PersonRef } from '@/lib/content/import/types';

export type MemorySink = ImportSink & {
  posts: Map<string, ImportedPost & { hashes: Map<string, string> }>;
  events: Map<string, ImportedEvent>;
  directory: Map<string, ImportedDirectoryEntry>;
  tags: Map<string, Record<string, string>>;
  authors: Map<string, PersonRef>;
  writes: number;
};

export function memorySink(): MemorySink {
  const sink: MemorySink = {
    posts: new Map(),
    events: new Map(),
    directory: new Map(),
    tags: new Map(),
    authors: new Map(),
    writes: 0,
    async findPost(slug) {
      const post = sink.posts.get(slug);
      return post ? { sourceLocale: post.sourceLocale } : null;
    },
    async importPost(post, render, { dryRun }) {
      const stored = sink.posts.get(post.slug);
      const localizations: Record<string, Outcome> = {};
      for (const l of post.localizations) {
        const hash = stored?.hashes.get(l.locale);
        localizations[l.locale] = hash === undefined ? 'imported' : hash === l.importHash ? 'unchanged' : 'updated';
      }
      const changed = post.localizations.filter((l) => localizations[l.locale] !== 'unchanged');
      if (dryRun || changed.length === 0) return { localizations, behind: [] };
      for (const l of changed) await render(l, l.locale === post.sourceLocale);
      sink.writes += 1;
      const hashes = new Map(stored?.hashes ?? []);
      for (const l of changed) hashes.set(l.locale, l.importHash);
      const sourceChanged = changed.some((l) => l.locale === post.sourceLocale) && stored !== undefined;
      const behind = sourceChanged ? [...hashes.keys()].filter((l) => l !== post.sourceLocale && !changed.some((c) => c.locale === l)) : [];
      sink.posts.set(post.slug, { ...(stored ?? post), ...(changed.some((l) => l.locale === post.sourceLocale) ? post : {}), hashes });
      return { localizations, behind };
    },
    async importAuthors(authors, { dryRun }) {
      return authors.map((a) => {
        const before = sink.authors.get(a.handle);
        const outcome: Outcome = !before ? 'imported' : JSON.stringify(before) === JSON.stringify(a) ? 'unchanged' : 'updated';
        if (!dryRun) sink.authors.set(a.handle, a);
        return outcome;
      });
    },
    async importTagLabels(tags, { dryRun }) {
      const result: Record<string, { created: boolean; changedLocales: string[] }> = {};
      for (const t of tags) {
        const before = sink.tags.get(t.slug);
        result[t.slug] = { created: !before, changedLocales: Object.keys(t.labels).filter((l) => before?.[l] !== t.labels[l]) };
        if (!dryRun) sink.tags.set(t.slug, { ...before, ...t.labels });
      }
      return result;
    },
    async importEvent(event, { dryRun }) {
      const before = sink.events.get(event.slug);
      if (before?.importHash === event.importHash) return 'unchanged';
      if (!dryRun) sink.events.set(event.slug, event);
      return before ? 'updated' : 'imported';
    },
    async importDirectoryEntry(entry, { dryRun }) {
      const before = sink.directory.get(entry.slug);
      if (before?.importHash === entry.importHash) return 'unchanged';
      if (!dryRun) sink.directory.set(entry.slug, entry);
      return before ? 'updated' : 'imported';
    },
  };
  return sink;
}
