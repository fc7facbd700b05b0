// Fills a migrated database with posts for the benchmark. The Markdown of a few templates is
// rendered by the app's own pipeline (prepare-templates.ts); every post reuses one of them, with
// its own title, slug, summary and a few search words, so that 10,000 posts load in seconds.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { run } from './children.mjs';

export const ONE_TAG_SLUG = 'bench-one-tag';
export const FIFTY_TAGS_SLUG = 'bench-fifty-tags';

const AUTHORS = 300;
// Registered volunteers; the first AUTHORS of them are the bench authors' accounts, so their
// dashboards list the translations they are credited with.
export const VOLUNTEERS = 1000;
// Every WAITING_EVERY-th post is still English only: the translation dashboard's queue.
const WAITING_EVERY = 4;
// Every BEHIND_EVERY-th translated post has a newer source revision: its translation is behind.
const BEHIND_EVERY = 20;
const TAGS = 200;
const TEMPLATES = 6;
const BATCH = 500;
// Connections that insert at once; PostgreSQL runs each in its own process.
const CONNECTIONS = Math.max(2, availableParallelism());
const YEARS = 10;

// Deterministic, so that two runs benchmark the same data.
function mulberry32(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function postSlug(index) {
  if (index === 0) return ONE_TAG_SLUG;
  if (index === 1) return FIFTY_TAGS_SLUG;
  // (The probe posts and the measured post page, index count/2, are translated and current.)
  return `bench-post-${String(index).padStart(5, '0')}`;
}

async function prepareTemplates(posts) {
  const dir = mkdtempSync(path.join(tmpdir(), 'qiao-bench-'));
  const file = path.join(dir, 'templates.json');
  try {
    await run(process.execPath, [
      '--conditions=react-server',
      '--import',
      'tsx',
      'scripts/bench/prepare-templates.ts',
      file,
      String(posts),
      String(TEMPLATES),
    ]);
    return JSON.parse(readFileSync(file, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// TIMESTAMP(3) columns hold UTC without a zone, as Prisma writes them.
const timestamp = (date) => date.toISOString().replace('T', ' ').replace('Z', '');

/**
 * Inserts rows sent as one array per column (`unnest`, `columns` as 'name type, …'): a batch
 * costs one bind parameter per column rather than per value, and `select` can join in the
 * template's large fields on the server instead of sending them once per row. Batches run on all
 * connections at once because PostgreSQL computes each row's generated tsvector, a few
 * milliseconds of CPU per post.
 */
async function insertColumns(clients, { into, columns, rows, select }) {
  const specs = columns.split(', ').map((spec) => spec.split(' '));
  const names = specs.map(([name]) => name);
  const source = `unnest(${specs.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS v(${names.join(', ')})`;
  const sql = `INSERT INTO ${into} ${select ? select(source) : `SELECT * FROM ${source}`}`;
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (next < rows.length) {
        const batch = rows.slice(next, next + BATCH);
        next += BATCH;
        await client.query(
          sql,
          names.map((_, i) => batch.map((row) => row[i])),
        );
      }
    }),
  );
}

export async function seedDatabase(url, { posts: count }) {
  const prepared = await prepareTemplates(count);
  const rand = mulberry32(42);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const clients = Array.from({ length: CONNECTIONS }, () => new pg.Client({ connectionString: url }));
  const [client] = clients;
  try {
    for (const c of clients) {
      await c.connect();
      // A scratch database: losing the last commits in a crash costs nothing.
      await c.query('SET synchronous_commit = off');
    }

    const authors = Array.from({ length: AUTHORS }, (_, i) => [
      `ba${i}`,
      `bench-author-${i}`,
      i % 3 === 0 ? `作者${i}` : `Author ${i}`,
      i % 10 === 0,
    ]);
    await insertColumns(clients, {
      into: '"Author" (id, handle, "displayName", "isGuest")',
      columns: 'id text, handle text, name text, guest boolean',
      rows: authors,
    });

    const tags = Array.from({ length: TAGS }, (_, i) => [`bt${i}`, `bench-tag-${i}`, JSON.stringify({ en: `Topic ${i}`, zh: `话题${i}` })]);
    await insertColumns(clients, {
      into: '"Tag" (id, slug, labels)',
      columns: 'id text, slug text, labels jsonb',
      rows: tags,
    });

    await client.query(
      `CREATE UNLOGGED TABLE bench_template (idx int, locale text, body text, html text, toc jsonb, reading_minutes int, search_text text, block_hashes jsonb)`,
    );
    for (const [idx, t] of prepared.templates.entries()) {
      for (const locale of ['en', 'zh']) {
        const l = t[locale];
        await client.query('INSERT INTO bench_template VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
          idx,
          locale,
          l.body,
          l.html,
          JSON.stringify(l.toc),
          l.readingMinutes,
          l.searchText,
          JSON.stringify(t.blockHashes),
        ]);
      }
    }

    // Published dates spread over the last ten years; the translation follows within weeks.
    const now = Date.now();
    const published = Array.from({ length: count }, () => new Date(now - Math.floor(rand() * YEARS * 365 * 86_400_000)));
    const posts = published.map((date, i) => [`bp${i}`, postSlug(i), timestamp(date)]);
    await insertColumns(clients, {
      into: '"Post" (id, slug, "sourceLocale", "publishedAt", "createdAt", "updatedAt")',
      columns: 'id text, slug text, published_at timestamp',
      rows: posts,
      select: (source) => `SELECT id, slug, 'en', published_at, published_at, published_at FROM ${source}`,
    });

    await insertColumns(clients, {
      into: '"SourceRevision" (id, "postId", locale, body, "blockHashes", "createdAt")',
      columns: 'id text, template int, created_at timestamp',
      rows: prepared.posts.map((p, i) => [`bp${i}`, p.template, posts[i][2]]),
      select: (source) => `SELECT 'br' || substr(v.id, 3), v.id, 'en', t.body, t.block_hashes, v.created_at
        FROM ${source} JOIN bench_template t ON t.idx = v.template AND t.locale = 'en'`,
    });

    const waiting = (i) => i % WAITING_EVERY === WAITING_EVERY - 1;
    const localizations = prepared.posts.flatMap((p, i) => {
      const translatedAt = new Date(published[i].getTime() + int(1, 30) * 86_400_000);
      return (waiting(i) ? ['en'] : ['en', 'zh']).map((locale) => [
        `bl${i}${locale}`,
        `bp${i}`,
        locale,
        p[locale].title,
        p[locale].summary,
        p.template,
        locale === 'en' ? posts[i][2] : timestamp(translatedAt),
        `br${i}`,
        p[locale].searchTitle,
        p[locale].searchExtra,
      ]);
    });
    await insertColumns(clients, {
      into: `"PostLocalization" (id, "postId", locale, title, summary, body, html, toc, "readingMinutes", status,
        "publishedAt", "sourceRevisionId", "createdAt", "updatedAt", "searchTitle", "searchText")`,
      columns:
        'id text, post_id text, locale text, title text, summary text, template int, published_at timestamp, revision_id text, search_title text, search_extra text',
      rows: localizations,
      select: (source) => `SELECT v.id, v.post_id, v.locale, v.title, v.summary, t.body, t.html, t.toc, t.reading_minutes,
          'PUBLISHED'::"LocalizationStatus", v.published_at, v.revision_id, v.published_at, v.published_at,
          v.search_title, t.search_text || ' ' || v.search_extra
        FROM ${source} JOIN bench_template t ON t.idx = v.template AND t.locale = v.locale`,
    });

    const postAuthors = [];
    const credits = [];
    const postTags = [];
    for (let i = 0; i < count; i += 1) {
      const first = int(0, AUTHORS - 1);
      postAuthors.push([`bp${i}`, `ba${first}`, 0]);
      if (rand() < 0.4) postAuthors.push([`bp${i}`, `ba${(first + int(1, AUTHORS - 1)) % AUTHORS}`, 1]);
      const translator = int(0, AUTHORS - 1);
      const proofread = rand() < 0.3;
      if (!waiting(i)) {
        credits.push([`bl${i}zh`, `ba${translator}`, 'TRANSLATOR', 0]);
        if (proofread) credits.push([`bl${i}zh`, `ba${(translator + int(1, AUTHORS - 1)) % AUTHORS}`, 'PROOFREADER', 1]);
      }
      // The two probe posts compare the queries of a post page with 1 and with 50 tags.
      const tagCount = i === 0 ? 1 : i === 1 ? 50 : int(1, 3);
      const firstTag = int(0, TAGS - 1);
      for (let k = 0; k < tagCount; k += 1) postTags.push([`bp${i}`, `bt${(firstTag + k * 7) % TAGS}`]);
    }
    await insertColumns(clients, {
      into: '"PostAuthor" ("postId", "authorId", position)',
      columns: 'post_id text, author_id text, position int',
      rows: postAuthors,
    });
    await insertColumns(clients, {
      into: '"LocalizationCredit" ("localizationId", "authorId", role, position)',
      columns: 'localization_id text, author_id text, role "CreditRole", position int',
      rows: credits,
    });
    await insertColumns(clients, {
      into: '"PostTag" ("postId", "tagId")',
      columns: 'post_id text, tag_id text',
      rows: postTags,
    });

    const volunteers = await seedVolunteers(clients, { count, waiting, now: new Date(now) });

    await client.query('DROP TABLE bench_template');
    // A live database has been vacuumed and analyzed by now: planner statistics, a flushed GIN
    // pending list and a visibility map, so the benchmark sees steady-state plans.
    await client.query('VACUUM ANALYZE');
    return {
      posts: count,
      localizations: localizations.length,
      authors: AUTHORS,
      tags: TAGS,
      postTags: postTags.length,
      templates: TEMPLATES,
      ...volunteers,
    };
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
  }
}

/**
 * The translation workflow at the size the product holds: VOLUNTEERS accounts, each with a draft
 * in progress and one submitted or sent back (on distinct waiting posts, as the one-open-draft
 * index demands), three approved translations of earlier posts, and the bench authors linked to
 * the first accounts. Some translated posts get a newer source revision, so that the dashboard's
 * "behind" list has work to do.
 */
async function seedVolunteers(clients, { count, waiting, now }) {
  const [client] = clients;
  const at = timestamp(now);
  const users = Array.from({ length: VOLUNTEERS }, (_, i) => [
    `bu${i}`,
    `bench-volunteer-${i}@example.org`,
    i % 2 ? `志愿者${i}` : `Volunteer ${i}`,
  ]);
  await insertColumns(clients, {
    into: '"User" (id, email, name, role, "createdAt", "updatedAt")',
    columns: 'id text, email text, name text',
    rows: users,
    select: (source) => `SELECT id, email, name, 'VOLUNTEER', '${at}', '${at}' FROM ${source}`,
  });
  await client.query(`UPDATE "Author" SET "userId" = 'bu' || substr(id, 3) WHERE id LIKE 'ba%'`);

  const waitingPosts = [];
  const translatedPosts = [];
  for (let i = 0; i < count; i += 1) (waiting(i) ? waitingPosts : translatedPosts).push(i);
  const drafts = [];
  for (let v = 0; v < VOLUNTEERS; v += 1) {
    for (const [k, status] of [
      [0, 'IN_PROGRESS'],
      [1, v % 2 ? 'SUBMITTED' : 'CHANGES_REQUESTED'],
    ]) {
      const post = waitingPosts[(v * 2 + k) % waitingPosts.length];
      // More open drafts than waiting posts (a tiny BENCH_POSTS): the index allows only one.
      if (v * 2 + k >= waitingPosts.length) continue;
      drafts.push([`bd${v}-${k}`, `bp${post}`, `bu${v}`, status]);
    }
    for (let k = 0; k < 3; k += 1) {
      const post = translatedPosts[(v * 3 + k) % translatedPosts.length];
      drafts.push([`bd${v}-a${k}`, `bp${post}`, `bu${v}`, 'APPROVED']);
    }
  }
  // A draft's blocks are one text per source block, as the editor saves them.
  await insertColumns(clients, {
    into: `"TranslationDraft" (id, "postId", locale, "translatorId", status, title, blocks, "sourceRevisionId", "createdAt", "updatedAt")`,
    columns: 'id text, post_id text, translator_id text, status text',
    rows: drafts,
    select: (source) => `SELECT v.id, v.post_id, 'zh', v.translator_id, v.status::"DraftStatus", '译文 ' || v.post_id,
        COALESCE((SELECT jsonb_agg('翻译中的段落'::text) FROM jsonb_array_elements(r."blockHashes")), '[]'), r.id, '${at}', '${at}'
      FROM ${source} JOIN "SourceRevision" r ON r.id = 'br' || substr(v.post_id, 3)`,
  });

  // A later revision of the source (same text: what the dashboard compares is the revision).
  const behind = translatedPosts.filter((i) => i % BEHIND_EVERY === BEHIND_EVERY - 2 && i !== Math.floor(count / 2));
  await insertColumns(clients, {
    into: '"SourceRevision" (id, "postId", locale, body, "blockHashes", "createdAt")',
    columns: 'id text',
    rows: behind.map((i) => [`bp${i}`]),
    select: (source) => `SELECT 'brb' || substr(v.id, 3), v.id, 'en', r.body, r."blockHashes", '${at}'
      FROM ${source} JOIN "SourceRevision" r ON r.id = 'br' || substr(v.id, 3)`,
  });
  return { volunteers: VOLUNTEERS, drafts: drafts.length, waitingPosts: waitingPosts.length, behindTranslations: behind.length };
}
