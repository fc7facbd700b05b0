import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { belowMinimum, checkMinimumVersions } from '../../../scripts/lib/minimum-versions.mjs';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A project whose lockfile and node_modules hold these packages at these versions. */
function tree(installed: Record<string, { version: string; dev?: boolean }>) {
  const root = mkdtempSync(path.join(tmpdir(), 'qiao-minimum-'));
  dirs.push(root);
  const packages: Record<string, unknown> = { '': { name: 'fixture' } };
  for (const [where, { version, dev }] of Object.entries(installed)) {
    packages[where] = { version, ...(dev ? { dev } : {}) };
    mkdirSync(path.join(root, where), { recursive: true });
    writeFileSync(path.join(root, where, 'package.json'), JSON.stringify({ version }));
  }
  writeFileSync(path.join(root, 'package-lock.json'), JSON.stringify({ packages }));
  return root;
}

describe('minimum versions of production dependencies', () => {
  const pins = { next: { minimum: '16.4.6' }, jose: { minimum: '4.15.5' } };

  it('accepts versions at or above their pin, in every copy', () => {
    const root = tree({ 'node_modules/next': { version: '16.4.6' }, 'node_modules/jose': { version: '4.15.9' }, 'node_modules/x/node_modules/jose': { version: '6.2.18' } });
    expect(belowMinimum(root, pins)).toEqual([]);
  });

  it('names a downgrade, even of a copy nested under another package', () => {
    const root = tree({ 'node_modules/next': { version: '16.4.5' }, 'node_modules/jose': { version: '4.15.9' }, 'node_modules/x/node_modules/jose': { version: '4.15.4' } });
    expect(belowMinimum(root, pins)).toEqual([
      { name: 'next', path: 'node_modules/next', version: '16.4.5', minimum: '16.4.6' },
      { name: 'jose', path: 'node_modules/x/node_modules/jose', version: '4.15.4', minimum: '4.15.5' },
    ]);
  });

  it('ignores development-only copies, and refuses a pin that names nothing installed', () => {
    expect(belowMinimum(tree({ 'node_modules/next': { version: '16.4.6' }, 'node_modules/jose': { version: '1.0.0', dev: true }, 'node_modules/y/node_modules/jose': { version: '4.15.5' } }), pins)).toEqual([]);
    expect(() => belowMinimum(tree({ 'node_modules/next': { version: '16.4.6' } }), pins)).toThrow(/jose/);
  });

  it('holds for this repository as installed', () => {
    expect(checkMinimumVersions(process.cwd())).toEqual([]);
  });
});
