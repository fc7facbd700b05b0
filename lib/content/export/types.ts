// What the export reads from the database, as plain data (see lib/dal/export.ts).

export type ExportPerson = { handle: string; isGuest: boolean };

export type ExportLocalization = {
  locale: string;
  title: string;
  summary: string | null;
  body: string;
  publishedAt: Date | null;
  translators: ExportPerson[];
  proofreaders: ExportPerson[];
};

export type ExportPost = {
  slug: string;
  sourceLocale: string;
  thumbnail: string | null;
  forceLinkToOtherLanguage: boolean;
  canonicalUrl: string | null;
  publishedAt: Date;
  authors: (ExportPerson & { proofreader: boolean; organization: string | null })[];
  tags: string[];
  /** Published versions only, the original first. */
  localizations: ExportLocalization[];
};

export type ExportEvent = {
  slug: string;
  type: 'HACKATHON' | 'MEETUP' | 'COURSE' | 'COMPETITION' | 'TALK' | 'OTHER';
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  registrationUrl: string | null;
  localizations: { locale: string; title: string; description: string }[];
};

export type ExportTag = { slug: string; labels: Record<string, string> };

export type ExportAuthor = { handle: string; displayName: string; isGuest: boolean; isOrg: boolean; bio: string | null };

export type ExportDirectoryCard = { slug: string; name: string; url: string; info: string; tags: string[]; body: string };

/** Where exported content comes from: the database in the CLI. */
export interface ExportSource {
  /** Posts a page at a time, so that a large site is never held in memory at once. */
  posts(): AsyncIterable<ExportPost>;
  events(): Promise<ExportEvent[]>;
  tags(): Promise<ExportTag[]>;
  authors(handles: string[]): Promise<ExportAuthor[]>;
  directory(): Promise<ExportDirectoryCard[]>;
}
