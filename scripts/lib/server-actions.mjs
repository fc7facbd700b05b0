// Server actions as React's client calls them, for the benchmark and the fault tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './database.mjs';

/**
 * The id under which the build registered the server action `name` of `file`: the editor calls
 * it with a POST carrying that id, as React's client does.
 */
export function serverActionId(distDir, file, name) {
  const manifest = JSON.parse(readFileSync(path.join(root, distDir, 'server', 'server-reference-manifest.json'), 'utf8'));
  for (const [id, entry] of Object.entries(manifest.node ?? {})) {
    const workers = Object.values(entry.workers ?? {});
    const named = entry.exportedName ?? workers.find((w) => w.exportedName)?.exportedName;
    const filename = entry.filename ?? workers.find((w) => w.filename)?.filename;
    if (named === name && (!filename || filename.endsWith(file))) return id;
  }
  throw new Error(`server action ${name} of ${file} is not in the build's manifest`);
}
