// What the importer hands to the database layer, and what it gets back. Plain data: the
// parsing side knows nothing of Prisma, and the DAL nothing of files.

export type PersonRef = { handle: string; displayName?: string; isGuest?: boolean; isOrg?: boolean; bio?: string | null };

export type PostAuthorRef = PersonRef & { proofreader?: boolean; organization?: string | null };

export type ImportedLocalization = {
  locale: string;
  title: string;
  /** Only when the file gives one (VuePress `description`, Astro `excerpt`); else derived. */
  summary: string | null;
  body: string;
  /** null: no date in the file or index; a new version is dated now, an existing one keeps its date. */
  publishedAt: Date | null;
  translators: PersonRef[];
  proofreaders: PersonRef[];
  /** Of everything above (and, for the original, the post's own fields): unchanged means no write. */
  importHash: string;
};

export type ImportedPost = {
  slug: string;
  sourceLocale: string;
  thumbnail: string | null;
  forceLinkToOtherLanguage: boolean;
  canonicalUrl: string | null;
  publishedAt: Date | null;
  authors: PostAuthorRef[];
  /** Tag slugs, with a label for tags that do not exist yet (Astro's `category: AI & ML`). */
  tags: { slug: string; labelIfNew?: { locale: string; label: string } }[];
  /** The original first when it is part of this import; a translation alone updates only itself. */
  localizations: ImportedLocalization[];
};

export type ImportedEvent = {
  slug: string;
  type: 'HACKATHON' | 'MEETUP' | 'COURSE' | 'COMPETITION' | 'TALK' | 'OTHER';
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  registrationUrl: string | null;
  localizations: { locale: string; title: string; description: string }[];
  importHash: string;
};

export type ImportedDirectoryEntry = {
  slug: string;
  name: string;
  url: string;
  info: string;
  tags: string[];
  body: string;
  importHash: string;
};

export type ImportedTagLabels = { slug: string; labels: Record<string, string> };

export type Outcome = 'imported' | 'updated' | 'unchanged';

export type PostOutcome = {
  /** Per language version written (or found unchanged) in this run. */
  localizations: Record<string, Outcome>;
  /** Translations left pointing at an older original: now shown as behind it. */
  behind: string[];
};

/** The work the renderer does once per changed language version (see lib/content/prepare). */
export type Renderer = (input: { title: string; summary: string | null; body: string }, withBlockHashes: boolean) => Promise<RenderedLocalization>;

export type RenderedLocalization = {
  title: string;
  summary: string;
  body: string;
  html: string;
  toc: { depth: number; id: string; text: string }[];
  readingMinutes: number;
  searchTitle: string;
  searchText: string;
  blockHashes?: string[];
};

/** Where imported content goes: the database in the CLI, a recorder in unit tests. */
export interface ImportSink {
  findPost(slug: string): Promise<{ sourceLocale: string } | null>;
  importPost(post: ImportedPost, render: Renderer, options: { dryRun: boolean }): Promise<PostOutcome>;
  importAuthors(authors: PersonRef[], options: { dryRun: boolean }): Promise<Outcome[]>;
  importTagLabels(tags: ImportedTagLabels[], options: { dryRun: boolean }): Promise<Record<string, { created: boolean; changedLocales: string[] }>>;
  importEvent(event: ImportedEvent, options: { dryRun: boolean }): Promise<Outcome>;
  importDirectoryEntry(entry: ImportedDirectoryEntry, options: { dryRun: boolean }): Promise<Outcome>;
}

export type FileReport = {
  /** Relative to the folder imported, or the path given for a single file. */
  path: string;
  outcome: Outcome | 'failed';
  /** Why it failed, or what else happened (`1 translation now behind`). */
  detail?: string;
  warnings: string[];
};

export type ImportSummary = {
  files: number;
  imported: number;
  updated: number;
  unchanged: number;
  warned: number;
  failed: number;
};
