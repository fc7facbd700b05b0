// Fails when an installed production dependency is older than the minimum the repository pins
// (scripts/security/minimum-versions.json): a downgrade cannot slip in, even where npm audit
// cannot be asked. Every copy in the tree counts, not only the top-level one.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

/**
 * Every installed copy of a pinned package in the production tree (package-lock.json's paths,
 * read from disk): `{ name, path, version, minimum }` for each one older than its minimum.
 */
export function belowMinimum(root, pins) {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const found = [];
  for (const [where, entry] of Object.entries(lock.packages ?? {})) {
    if (!where || entry.dev) continue;
    const name = where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const pin = pins[name];
    if (!pin) continue;
    const manifest = path.join(root, where, 'package.json');
    // What is installed is what runs; the lock's version stands in only when nothing is.
    const version = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : entry.version;
    found.push({ name, path: where, version, minimum: pin.minimum });
  }
  const missing = Object.keys(pins).filter((name) => !found.some((f) => f.name === name));
  if (missing.length) throw new Error(`pinned but not in the production tree: ${missing.join(', ')} (remove the pin, or check the list)`);
  return found.filter((f) => !semver.valid(f.version) || semver.lt(f.version, f.minimum));
}

export function checkMinimumVersions(root) {
  const { packages } = JSON.parse(readFileSync(path.join(root, 'scripts', 'security', 'minimum-versions.json'), 'utf8'));
  return belowMinimum(root, packages);
}
