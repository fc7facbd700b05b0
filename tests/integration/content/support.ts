// Integration tests share one database, so each copies the fixture under its own slug prefix:
// post files, `_blog.yml` entries, event names and links are renamed; tags and people are shared.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runImport, type ImportOptions } from '@/lib/content/import/run-import';
import type { FileReport } from '@/lib/content/import/types';
import { db } from '@/lib/db';
import { createImportSink } from '@/lib/dal/import';

export const FIXTURE = path.join(process.cwd(), 'tests', 'fixtures', 'hf-blog');
export const SEEDS = path.join(process.cwd(), 'tests', 'fixtures', 'seeds');

export const system = { kind: 'system', reason: 'import' } as const;

export function uniquePrefix(name: string): string {
  return `${name}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

const POST_FILE = /\.(md|markdown)$/;

function rewrite(relative: string, text: string, prefix: string): string {
  const name = path.basename(relative);
  if (name === '_blog.yml') return text.replace(/^(\s*-?\s*local: )(\S+)$/gm, `$1${prefix}-$2`);
  if (name === '_events.yml') {
    return text.replace(/^(- name: )(.*)$/gm, `$1${prefix} $2`).replaceAll('https://example.org/events/', `https://example.org/events/${prefix}/`);
  }
  return text;
}

/** A copy of tests/fixtures/hf-blog in a temporary folder, every slug starting with `prefix-`. */
export function prefixedFixture(prefix: string, source = FIXTURE): string {
  const target = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  const copy = (relative: string) => {
    for (const entry of readdirSync(path.join(source, relative), { withFileTypes: true })) {
      const from = path.join(relative, entry.name);
      if (entry.isDirectory()) {
        mkdirSync(path.join(target, from), { recursive: true });
        copy(from);
        continue;
      }
      const renamed = POST_FILE.test(entry.name) && entry.name !== 'README.md' ? path.join(relative, `${prefix}-${entry.name}`) : from;
      const bytes = readFileSync(path.join(source, from));
      writeFileSync(path.join(target, renamed), entry.name.endsWith('.yml') ? rewrite(from, bytes.toString('utf8'), prefix) : bytes);
    }
  };
  copy('');
  return target;
}

export function importPaths(paths: string[], options: ImportOptions = {}) {
  return runImport(paths, createImportSink(system), options);
}

export function byPath(reports: FileReport[], prefix = ''): Record<string, FileReport> {
  return Object.fromEntries(reports.map((r) => [prefix ? r.path.replace(`${prefix}-`, '') : r.path, r]));
}

/**
 * Removes what a test imported under its prefix (posts cascade to their versions, revisions and
 * credits), so that files running later in the shared database see the listing they expect.
 */
export async function removeImported(prefix: string) {
  await db.post.deleteMany({ where: { slug: { startsWith: `${prefix}-` } } });
  await db.event.deleteMany({ where: { slug: { startsWith: `${prefix}-` } } });
  await db.directoryEntry.deleteMany({ where: { slug: { startsWith: `${prefix}-` } } });
}
