// Posts for the translation workflow's end-to-end tests, written straight into the e2e database
// (DATABASE_URL, set by scripts/test.mjs) the way an import would: rendered, with a source revision.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { prepareLocalization, sourceBlockHashes } from '../../../lib/content/prepare';

async function withClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the end-to-end tests through scripts/test.mjs');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

type Localization = { locale: 'en' | 'zh'; title: string; body: string; summary?: string; published?: boolean };

/** One language version, rendered and segmented as the site stores it; unpublished ones have no date. */
async function insertLocalization(client: pg.Client, postId: string, revisionId: string, l: Localization) {
  const prepared = prepareLocalization(l);
  const published = l.published ?? true;
  await client.query(
    `INSERT INTO "PostLocalization" ("id", "postId", "locale", "title", "summary", "body", "html", "toc", "readingMinutes", "status", "publishedAt", "sourceRevisionId", "searchTitle", "searchText", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::"LocalizationStatus", $11, $12, $13, $14, now())`,
    [`e2e_loc_${randomUUID().replace(/-/g, '')}`, postId, l.locale, prepared.title, prepared.summary, prepared.body, prepared.html, JSON.stringify(prepared.toc), prepared.readingMinutes, published ? 'PUBLISHED' : 'UNPUBLISHED', published ? new Date() : null, revisionId, prepared.searchTitle, prepared.searchText],
  );
}

/**
 * A published English post, newest on the site so it leads the waiting list, with no translation
 * unless `translations` are given (a summary given is kept as it is, as an import's front matter).
 */
export async function createEnglishPost({ title, body, summary, published, translations = [] }: Omit<Localization, 'locale'> & { translations?: Omit<Localization, 'published'>[] }) {
  const slug = `e2e-${randomUUID().slice(0, 8)}`;
  const postId = `e2e_post_${randomUUID().replace(/-/g, '')}`;
  const revisionId = `e2e_rev_${randomUUID().replace(/-/g, '')}`;
  const source = prepareLocalization({ title, body });
  await withClient(async (client) => {
    await client.query('BEGIN');
    await client.query(`INSERT INTO "Post" ("id", "slug", "sourceLocale", "publishedAt", "updatedAt") VALUES ($1, $2, 'en', now(), now())`, [postId, slug]);
    await client.query(`INSERT INTO "SourceRevision" ("id", "postId", "locale", "body", "blockHashes") VALUES ($1, $2, 'en', $3, $4)`, [revisionId, postId, source.body, JSON.stringify(sourceBlockHashes(source.body))]);
    for (const l of [{ locale: 'en' as const, title, body, summary, published }, ...translations]) await insertLocalization(client, postId, revisionId, l);
    await client.query('COMMIT');
  });
  return { slug, postId };
}
