import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function lookup(tree: Tree, dotted: string): string | Tree | undefined {
  return dotted.split('.').reduce<string | Tree | undefined>((node, k) => (node && typeof node === 'object' ? node[k] : undefined), tree);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(tsx?)$/.test(entry) ? [full] : [];
  });
}

describe('messages', () => {
  it('has the same keys in English and Chinese', () => {
    expect(keys(zh as Tree).sort()).toEqual(keys(en as Tree).sort());
  });

  it('has no empty translation', () => {
    for (const [name, tree] of [
      ['en', en],
      ['zh', zh],
    ] as const) {
      for (const key of keys(tree as Tree)) expect(String(lookup(tree as Tree, key)).trim(), `${name}:${key}`).not.toBe('');
    }
  });

  it('defines every key the code asks for', () => {
    const root = path.resolve(__dirname, '../..');
    const missing: string[] = [];
    for (const file of [...sourceFiles(path.join(root, 'app')), ...sourceFiles(path.join(root, 'components'))]) {
      const source = readFileSync(file, 'utf8');
      // getTranslations('Ns') / useTranslations('Ns') / getTranslations({ locale, namespace: 'Ns' })
      // One name (`t`) can be bound to different namespaces in different functions of a file:
      // a key counts as defined when one of the namespaces bound to that name has it.
      const bindings = new Map<string, Set<string>>();
      for (const m of source.matchAll(
        /const (\w+) = (?:await )?(?:getTranslations|useTranslations)\((?:'(\w+)'|\{[^}]*namespace: '(\w+)'[^}]*\})\)/g,
      )) {
        bindings.set(m[1]!, (bindings.get(m[1]!) ?? new Set()).add((m[2] ?? m[3])!));
      }
      for (const [fn, namespaces] of bindings) {
        for (const call of source.matchAll(new RegExp(`\\b${fn}\\('(\\w+)'`, 'g'))) {
          if (![...namespaces].some((ns) => typeof lookup(en as Tree, `${ns}.${call[1]}`) === 'string')) {
            missing.push(`${path.relative(root, file)}: ${[...namespaces].join('|')}.${call[1]}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
