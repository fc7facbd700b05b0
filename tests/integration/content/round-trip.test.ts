// The command line end to end, on databases of its own: import the fixture and the seeds, export,
// import that export into an empty database, export again — the two exports are byte-identical.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { FIXTURE, SEEDS } from './support';

const withDatabase = (name: string) => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
};

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: withDatabase('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function run(command: string, args: string[], databaseUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: process.cwd(), env: { ...process.env, DATABASE_URL: databaseUrl, INIT_CWD: process.cwd() } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const content = (args: string[], databaseUrl: string) => run(process.execPath, ['scripts/content.mjs', ...args], databaseUrl);

function files(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name)],
  );
}

describe('export, import into an empty database, export again', { timeout: 300_000 }, () => {
  it('gives byte-identical files', async () => {
    const base = `qiao_roundtrip_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
    const [first, second] = [`${base}_a`, `${base}_b`];
    await admin(`CREATE DATABASE "${first}"`);
    try {
      const migrated = await run(path.join('node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], withDatabase(first));
      expect(migrated.code, migrated.stdout + migrated.stderr).toBe(0);
      await admin(`CREATE DATABASE "${second}" TEMPLATE "${first}"`);

      const fixture = await content(['import', FIXTURE], withDatabase(first));
      // The fixture holds files that must fail, so the command says so in its exit status.
      expect(fixture.code, fixture.stderr).toBe(1);
      expect(fixture.stdout).toMatch(/^imported 17 · updated 0 · unchanged 0 · warned 7 · failed 4 — 21 files in /m);
      expect(fixture.stdout).toMatch(/^failed +bad-yaml\.md — bad YAML in front matter/m);
      const seeds = await content(['import', ...readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => path.join(SEEDS, f))], withDatabase(first));
      expect(seeds.code, seeds.stdout + seeds.stderr).toBe(0);

      const once = mkdtempSync(path.join(tmpdir(), 'qiao-export-1-'));
      const exported = await content(['export', once], withDatabase(first));
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stdout).toMatch(/^exported 11 posts, 2 translations, 5 events, 2 directory entries/);

      const reimported = await content(['import', once], withDatabase(second));
      expect(reimported.code, reimported.stdout + reimported.stderr).toBe(0);
      expect(reimported.stdout).toMatch(/· warned 0 · failed 0 —/);
      const twice = mkdtempSync(path.join(tmpdir(), 'qiao-export-2-'));
      expect((await content(['export', twice], withDatabase(second))).code).toBe(0);

      const listed = files(once).sort();
      expect(listed).toContain('hello-world.md');
      expect(listed).toContain(path.join('zh', 'hello-world.md'));
      expect(listed).toContain(path.join('_directory', '002_2e70cf021a90105b.md'));
      expect(files(twice).sort()).toEqual(listed);
      for (const file of listed) expect([file, readFileSync(path.join(twice, file)).equals(readFileSync(path.join(once, file)))]).toEqual([file, true]);
    } finally {
      await admin(`DROP DATABASE IF EXISTS "${second}" WITH (FORCE)`);
      await admin(`DROP DATABASE IF EXISTS "${first}" WITH (FORCE)`);
    }
  });
});
