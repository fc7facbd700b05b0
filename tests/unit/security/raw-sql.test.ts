import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// SQL is only ever written as Prisma's tagged templates, whose ${} are bind parameters. These
// are the escape hatches that put text into the SQL itself.
const UNSAFE = /\$(queryRaw|executeRaw)Unsafe\b|Prisma\.raw\s*\(/g;
// The one Prisma.raw: a table alias, checked against an identifier pattern before use, never input.
const ALLOWED = new Map([['lib/dal/post-visibility.ts', 1]]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (name === 'node_modules' || name === 'generated' || name.startsWith('.')) return [];
    if (statSync(file).isDirectory()) return sources(file);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [file] : [];
  });
}

describe('SQL built from strings', () => {
  it('appears nowhere but in the one reviewed alias', () => {
    const found = new Map<string, number>();
    for (const dir of ['app', 'lib', 'components', 'scripts', 'prisma']) {
      for (const file of sources(path.join(process.cwd(), dir))) {
        const hits = readFileSync(file, 'utf8').match(UNSAFE)?.length ?? 0;
        if (hits) found.set(path.relative(process.cwd(), file), hits);
      }
    }
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(ALLOWED));
  });

  it('would catch one', () => {
    expect('await db.$queryRawUnsafe(`SELECT ${q}`)'.match(UNSAFE)).toHaveLength(1);
    expect('const s = Prisma.raw(input)'.match(UNSAFE)).toHaveLength(1);
  });
});
