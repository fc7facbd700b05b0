// Decides whether the production build under .next/ matches the sources, so that `npm start`
// builds only when something changed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Not imported from database.mjs: next.config.ts reads the hash too, and needs nothing else.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const INPUTS = [
  'app',
  'components',
  'lib',
  'messages',
  'public',
  'proxy.ts',
  'next.config.ts',
  'cache-handler.mjs',
  'instrumentation.ts',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
  'prisma/schema.prisma',
];
const STAMP = path.join(root, '.next', 'qiao-build-hash');

function walk(target, files) {
  if (!existsSync(target)) return;
  const stat = statSync(target);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(target).sort()) {
      if (entry === 'node_modules' || entry === 'generated') continue;
      walk(path.join(target, entry), files);
    }
  } else files.push(target);
}

export function sourceHash() {
  const hash = createHash('sha256');
  const files = [];
  for (const input of INPUTS) walk(path.join(root, input), files);
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

export function buildIsCurrent() {
  return existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sourceHash();
}

export function markBuilt() {
  writeFileSync(STAMP, sourceHash());
}
