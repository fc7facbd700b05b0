// `npm run uploads:prune [-- --dry-run]`: removes uploaded images nothing points to any more (a
// replaced or removed post thumbnail, event cover or channel QR code; an image whose form was
// refused after it was stored). Uses DATABASE_URL or the embedded PostgreSQL, like `npm start`,
// and UPLOADS_DIR. Files younger than an hour are left alone: their save may still be under way.
import { readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, root } from './lib/database.mjs';

const GRACE_MS = 60 * 60 * 1000;
// As lib/uploads/names.ts names them.
const UPLOAD_NAME = /^[a-f0-9]{32}\.(png|webp)$/;
// Every column that holds an upload's address (/uploads/<name>).
const REFERENCES = [
  ['Post', 'thumbnail'],
  ['Event', 'coverImage'],
  ['Channel', 'qrImage'],
];

const say = (line) => process.stderr.write(`[uploads] ${line}\n`);
const dryRun = process.argv.includes('--dry-run');
const dir = path.resolve(root, process.env.UPLOADS_DIR ?? '.data/uploads');

async function referencedNames(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const names = new Set();
    for (const [table, column] of REFERENCES) {
      const { rows } = await client.query(`SELECT "${column}" AS url FROM "${table}" WHERE "${column}" LIKE '/uploads/%'`);
      for (const { url: address } of rows) names.add(address.slice('/uploads/'.length));
    }
    return names;
  } finally {
    await client.end();
  }
}

const database = await openDatabase();
let exitCode = 0;
try {
  const files = await readdir(dir).catch((error) => (error.code === 'ENOENT' ? [] : Promise.reject(error)));
  const referenced = await referencedNames(database.url);
  const now = Date.now();
  let removed = 0;
  let young = 0;
  for (const name of files.filter((f) => UPLOAD_NAME.test(f))) {
    if (referenced.has(name)) continue;
    const file = path.join(dir, name);
    if (now - (await stat(file)).mtimeMs < GRACE_MS) {
      young += 1;
      continue;
    }
    if (!dryRun) await unlink(file);
    removed += 1;
    say(`${dryRun ? 'would remove' : 'removed'} ${name}`);
  }
  say(
    `${files.length} files in ${path.relative(process.cwd(), dir) || dir}, ${referenced.size} in use; ${removed} unused ${dryRun ? 'would be' : 'were'} removed, ${young} unused kept for now (less than an hour old)`,
  );
} catch (error) {
  say(`failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await database.stop();
}
process.exit(exitCode);
