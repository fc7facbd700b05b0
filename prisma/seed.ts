// Loads the demo content in prisma/demo/ once. A marker row records that it ran, so a restart
// never duplicates it and an admin who deletes a demo post does not see it come back.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { parseFrontMatter } from '@/lib/content/front-matter';
import { upsertPostContent, type AuthorRef } from '@/lib/dal/content';
import { seedDemoEvents } from './demo-events';
import { seedDemoChannels } from './demo-channels';

const DEMO_DIR = path.join(process.cwd(), 'prisma', 'demo');
const MARKER = 'demoContentLoadedAt';
// Events came after the first demo content, so they have their own marker: installs that
// already have the demo posts get the demo events once too.
const EVENTS_MARKER = 'demoEventsLoadedAt';
// Channels came later still: their own marker, so existing installs get them once.
const CHANNELS_MARKER = 'demoChannelsLoadedAt';

type AuthorEntry = { handle: string; name: string; guest?: boolean; org?: boolean; bio_en?: string; bio_zh?: string };
type IndexEntry = { local: string; title?: string; date?: string; tags?: string[] };
type Person = { user: string; guest?: boolean; proofreader?: boolean };

function readYaml<T>(file: string): T {
  return parseYaml(readFileSync(file, 'utf8')) as T;
}

function parseDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(`${value} 00:00 UTC`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export async function loadDemoContent() {
  const authors = new Map(readYaml<AuthorEntry[]>(path.join(DEMO_DIR, '_authors.yml')).map((a) => [a.handle, a]));
  const tagLabels = new Map(
    readYaml<{ slug: string; en: string; zh: string }[]>(path.join(DEMO_DIR, '_tags.yml')).map((t) => [t.slug, { en: t.en, zh: t.zh }]),
  );
  const index = new Map(readYaml<IndexEntry[]>(path.join(DEMO_DIR, '_blog.yml')).map((e) => [e.local, e]));
  const ref = (p: Person): AuthorRef => {
    const known = authors.get(p.user);
    return {
      handle: p.user,
      displayName: known?.name ?? p.user,
      isGuest: known?.guest ?? p.guest ?? false,
      isOrg: known?.org ?? false,
      bio: known?.bio_en ?? null,
    };
  };

  const slugs = readdirSync(DEMO_DIR).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
  for (const slug of slugs) {
    const original = parseFrontMatter(readFileSync(path.join(DEMO_DIR, `${slug}.md`), 'utf8'));
    const entry = index.get(slug);
    const publishedAt = parseDate(entry?.date);
    const localizations = [
      { locale: 'en', title: String(original.data.title), body: original.body, published: true, publishedAt },
    ];
    const zhFile = path.join(DEMO_DIR, 'zh', `${slug}.md`);
    if (existsSync(zhFile)) {
      const zh = parseFrontMatter(readFileSync(zhFile, 'utf8'));
      const people = (zh.data.translators as Person[] | undefined) ?? [];
      localizations.push({
        locale: 'zh',
        title: String(zh.data.title),
        body: zh.body,
        published: true,
        publishedAt,
        ...{
          translators: people.filter((p) => !p.proofreader).map(ref),
          proofreaders: people.filter((p) => p.proofreader).map(ref),
        },
      });
    }
    const force = original.data.forceLinkToOtherLanguage;
    await upsertPostContent(
      {
        slug,
        sourceLocale: 'en',
        thumbnail: typeof original.data.thumbnail === 'string' ? original.data.thumbnail : null,
        forceLinkToOtherLanguage: force === true || force === 'on',
        publishedAt,
        authors: ((original.data.authors as Person[] | undefined) ?? []).map(ref),
        tags: (entry?.tags ?? []).map((t) => ({ slug: t, labels: tagLabels.get(t) })),
        localizations,
      },
      { kind: 'system', reason: 'seed' },
    );
  }
  return slugs.length;
}

async function main() {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) });
  try {
    if (!(await db.siteSetting.findUnique({ where: { key: EVENTS_MARKER } }))) {
      const events = await seedDemoEvents();
      await db.siteSetting.upsert({ where: { key: EVENTS_MARKER }, create: { key: EVENTS_MARKER, value: new Date().toISOString() }, update: {} });
      process.stderr.write(`[qiao] loaded demo events: ${events}\n`);
    }
    if (!(await db.siteSetting.findUnique({ where: { key: CHANNELS_MARKER } }))) {
      const channels = await seedDemoChannels(db);
      await db.siteSetting.upsert({ where: { key: CHANNELS_MARKER }, create: { key: CHANNELS_MARKER, value: new Date().toISOString() }, update: {} });
      process.stderr.write(`[qiao] loaded demo channels: ${channels}\n`);
    }
    if (await db.siteSetting.findUnique({ where: { key: MARKER } })) return;
    const count = await loadDemoContent();
    await db.siteSetting.create({ data: { key: MARKER, value: new Date().toISOString() } });
    process.stderr.write(`[qiao] loaded demo content: ${count} posts\n`);
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  await main();
}
