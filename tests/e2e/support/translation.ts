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

/** A published English post with no translation, newest on the site so it leads the waiting list. */
export async function createEnglishPost({ title, body }: { title: string; body: string }) {
  const slug = `e2e-${randomUUID().slice(0, 8)}`;
  const postId = `e2e_post_${randomUUID().replace(/-/g, '')}`;
  const revisionId = `e2e_rev_${randomUUID().replace(/-/g, '')}`;
  const prepared = prepareLocalization({ title, body });
  await withClient(async (client) => {
    await client.query('BEGIN');
    await client.query(`INSERT INTO "Post" ("id", "slug", "sourceLocale", "publishedAt", "updatedAt") VALUES ($1, $2, 'en', now(), now())`, [postId, slug]);
    await client.query(`INSERT INTO "SourceRevision" ("id", "postId", "locale", "body", "blockHashes") VALUES ($1, $2, 'en', $3, $4)`, [revisionId, postId, prepared.body, JSON.stringify(sourceBlockHashes(prepared.body))]);
    await client.query(
      `INSERT INTO "PostLocalization" ("id", "postId", "locale", "title", "summary", "body", "html", "toc", "readingMinutes", "status", "publishedAt", "sourceRevisionId", "searchTitle", "searchText", "updatedAt")
       VALUES ($1, $2, 'en', $3, $4, $5, $6, $7, $8, 'PUBLISHED', now(), $9, $10, $11, now())`,
      [`e2e_loc_${randomUUID().replace(/-/g, '')}`, postId, prepared.title, prepared.summary, prepared.body, prepared.html, JSON.stringify(prepared.toc), prepared.readingMinutes, revisionId, prepared.searchTitle, prepared.searchText],
    );
    await client.query('COMMIT');
  });
  return { slug, postId };
}
