import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { CHECK_CODES } from '@/lib/translation/checks';

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);
}

// Keys the translation workflow builds at run time, which the general messages test cannot see.
const root = path.resolve(__dirname, '../../..');
const draftErrorCodes = [...readFileSync(path.join(root, 'lib/dal/translation-drafts.ts'), 'utf8').match(/readonly code: ([^)]+)\)/)![1]!.matchAll(/'(\w+)'/g)].map((m) => m[1]!);
const actionKeys = [...readFileSync(path.join(root, 'lib/actions/translation.ts'), 'utf8').matchAll(/'((?:FormErrors|Translate)\.[\w.]+)'/g)].map((m) => m[1]!);
const validationKeys = [...readFileSync(path.join(root, 'lib/validations/translation.ts'), 'utf8').matchAll(/'(FormErrors\.\w+)'/g)].map((m) => m[1]!);

const dynamicKeys = [
  ...CHECK_CODES.map((code) => `Checks.${code}`),
  ...draftErrorCodes.map((code) => `Translate.errors.${code}`),
  'Translate.errors.invalid',
  'Translate.errors.offline',
  ...actionKeys.filter((k) => !k.endsWith('.')),
  ...validationKeys,
  'FormErrors.unauthenticated',
  'FormErrors.forbidden',
  'Translate.readOnlySubmitted',
  'Translate.readOnlyApproved',
  'Translate.readOnlyReleased',
  'Glossary.term',
  'Glossary.translation',
  'Glossary.note',
];

describe('translation workflow messages', () => {
  it('finds the error codes it checks', () => {
    expect(draftErrorCodes).toContain('notFound');
    expect(draftErrorCodes).toContain('alreadyClaimed');
  });

  for (const [name, tree] of [
    ['en', en],
    ['zh', zh],
  ] as const) {
    it(`has every message built at run time, in ${name}`, () => {
      const missing = [...new Set(dynamicKeys)].filter((key) => typeof lookup(tree as Tree, key) !== 'string');
      expect(missing).toEqual([]);
    });
  }

  it('names every kind of block in both languages', () => {
    for (const kind of ['heading', 'paragraph', 'listItem', 'table', 'code', 'math', 'html', 'blockquote', 'thematicBreak', 'other']) {
      expect(en.Translate.kind).toContain(` ${kind} {`);
      expect(zh.Translate.kind).toContain(` ${kind} {`);
    }
  });
});
