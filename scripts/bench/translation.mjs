// The volunteers' side under load: the translation dashboard and the editor's autosave, each
// connection signed in as a volunteer of its own (a session cookie minted with the server's
// secret, as next-auth would set it at sign-in), and the JavaScript the editor page loads.
import { createHash, randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { encode } from 'next-auth/jwt';
import pg from 'pg';
import { serverActionId } from '../lib/server-actions.mjs';
import { measurePageJs } from './browser-js.mjs';
import { summarize } from './load.mjs';

const COOKIE = 'next-auth.session-token';

/**
 * A signed-in volunteer's cookie, as next-auth sets it at sign-in: a JWT naming a session row
 * (lib/dal/auth-sessions.ts keeps the SHA-256 of its id) that the server checks on every request.
 */
export async function sessionCookie(secret, user, databaseUrl) {
  const sid = randomBytes(32).toString('base64url');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES ($1, $2, $3, now() + interval '30 days')`,
      [`bench_${randomBytes(12).toString('hex')}`, createHash('sha256').update(sid).digest('hex'), user.id],
    );
  } finally {
    await client.end();
  }
  const token = await encode({
    secret,
    token: { sub: user.id, email: user.email, name: user.name, role: 'VOLUNTEER', sessionVersion: 0, sid },
  });
  // A volunteer who has been here before also has the language cookie the proxy sets.
  return `NEXT_LOCALE=zh; ${COOKIE}=${token}`;
}

/** Volunteers whose in-progress draft the editor bench saves, with the draft's block count. */
export async function editableDrafts(databaseUrl, limit) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT u.id AS "userId", u.email, u.name, d.id AS "draftId", d.version, jsonb_array_length(d.blocks) AS blocks
         FROM "TranslationDraft" d JOIN "User" u ON u.id = d."translatorId"
        WHERE d.status = 'IN_PROGRESS' ORDER BY u."email" LIMIT $1`,
      [limit],
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** Each connection is another volunteer opening their dashboard. */
async function dashboardRun({ url, cookies, connections, duration }) {
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        setupRequest(request, context) {
          context.cookie ??= cookies[next++ % cookies.length];
          return { ...request, headers: { ...request.headers, cookie: context.cookie, 'sec-fetch-dest': 'document' } };
        },
      },
    ],
  });
  return summarize(result, connections);
}

/**
 * Each connection is a volunteer whose editor autosaves their own draft again and again, naming
 * the version the previous save returned, as the editor does: every request is a real write.
 */
async function saveRun({ server, actionId, volunteers, connections, duration }) {
  let next = 0;
  const outcomes = { saved: 0, conflict: 0, other: 0 };
  const result = await autocannon({
    url: server.url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        setupRequest(request, context) {
          context.volunteer ??= volunteers[next++ % volunteers.length];
          const v = context.volunteer;
          context.count = (context.count ?? 0) + 1;
          const blocks = Array.from({ length: v.blocks }, (_, i) => `第 ${i + 1} 段的译文，第 ${context.count} 次保存。`);
          return {
            ...request,
            path: `/zh/translate/${v.draftId}`,
            headers: {
              ...request.headers,
              cookie: v.cookie,
              origin: server.url,
              accept: 'text/x-component',
              'content-type': 'text/plain;charset=UTF-8',
              'next-action': actionId,
              // As the browser's fetch() sends it: the proxy then leaves the language cookie alone.
              'sec-fetch-dest': 'empty',
            },
            body: JSON.stringify([{ draftId: v.draftId, baseVersion: v.version, title: `译文 ${context.count}`, blocks }]),
          };
        },
        onResponse(status, body, context) {
          const saved = /"ok":true,"version":(\d+)/.exec(body);
          const conflict = /"conflict":\{[^}]*?"version":(\d+)/.exec(body);
          if (status === 200 && saved) {
            context.volunteer.version = Number(saved[1]);
            outcomes.saved += 1;
          } else if (conflict) {
            context.volunteer.version = Number(conflict[1]);
            outcomes.conflict += 1;
          } else outcomes.other += 1;
        },
      },
    ],
  });
  return { ...summarize(result, connections), outcomes };
}

async function probeSave({ server, actionId, volunteer }) {
  const res = await fetch(`${server.url}/zh/translate/${volunteer.draftId}`, {
    method: 'POST',
    headers: {
      cookie: volunteer.cookie,
      origin: server.url,
      accept: 'text/x-component',
      'content-type': 'text/plain;charset=UTF-8',
      'next-action': actionId,
      'sec-fetch-dest': 'empty',
    },
    body: JSON.stringify([
      { draftId: volunteer.draftId, baseVersion: volunteer.version, title: '译文', blocks: Array(volunteer.blocks).fill('译文') },
    ]),
  });
  const body = await res.text();
  const saved = /"ok":true,"version":(\d+)/.exec(body);
  if (!saved) throw new Error(`an editor save was not accepted (HTTP ${res.status}): ${body.slice(0, 300)}`);
  volunteer.version = Number(saved[1]);
}

export async function runTranslationBench({ server, databaseUrl, secret, distDir, connections, duration, step }) {
  const rows = await editableDrafts(databaseUrl, Math.max(...connections));
  if (rows.length < Math.max(...connections)) throw new Error(`only ${rows.length} drafts in progress to save`);
  const volunteers = await Promise.all(
    rows.map(async (r) => ({ ...r, cookie: await sessionCookie(secret, { id: r.userId, email: r.email, name: r.name }, databaseUrl) })),
  );
  const actionId = serverActionId(distDir, 'lib/actions/translation.ts', 'saveDraftAction');
  // One save through the whole stack first: a broken request shape fails loudly, not as 0 req/s.
  await probeSave({ server, actionId, volunteer: volunteers[0] });

  const results = { dashboard: [], editorSave: [] };
  const dashboardUrl = `${server.url}/zh/translate`;
  const cookies = volunteers.map((v) => v.cookie);
  await dashboardRun({ url: dashboardUrl, cookies, connections: 2, duration: 2 });
  for (const c of connections) {
    step(`translation dashboard, ${c} connections, ${duration} s`);
    results.dashboard.push(await dashboardRun({ url: dashboardUrl, cookies, connections: c, duration }));
  }
  for (const c of connections) {
    step(`editor save, ${c} connections, ${duration} s`);
    results.editorSave.push(await saveRun({ server, actionId, volunteers, connections: c, duration }));
  }

  step('JavaScript of the editor page in Chromium');
  const editor = volunteers[0];
  const browserCookies = editor.cookie.split('; ').map((pair) => {
    const [name, value] = pair.split('=');
    return { name, value, url: server.url, sameSite: 'Lax' };
  });
  results.editorJs = await measurePageJs(`${server.url}/zh/translate/${editor.draftId}`, { distDir, cookies: browserCookies });
  return results;
}
