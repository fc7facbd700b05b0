import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { localeOfFolder, slugFromFileName } from './names';

// The Hugging Face blog layout: `<slug>.md` originals at the root, `<lang>/<slug>.md`
// translations, `_blog.yml` / `_events.yml` / `_tags.yml` indexes at the root and in each
// language folder. Qiao's export adds `_authors.yml` and `_directory/<slug>.md` cards.

const POST_EXTENSIONS = new Set(['.md', '.markdown']);
// Repository housekeeping that sits beside the posts and is not one.
const REPOSITORY_FILES = /^(readme|contributing|license|licence|changelog|code_of_conduct|security|agents|claude)(\.[a-z]+)?$/i;

export type LocalizedPath = { locale: string; path: string };

export type PostFiles = { slug: string; original: string | null; translations: LocalizedPath[] };

export type FolderPlan = {
  posts: PostFiles[];
  blogIndexes: LocalizedPath[];
  eventFiles: LocalizedPath[];
  tagFiles: LocalizedPath[];
  authorFiles: string[];
  directoryCards: { slug: string; path: string }[];
  /** Files refused before reading: duplicate slugs, names no slug can be made from. */
  rejected: { path: string; reason: string }[];
  fileCount: number;
};

async function listFiles(dir: string) {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Lists what a folder holds, by path only: nothing is read yet, so memory stays flat. */
export async function scanFolder(root: string, rootLocale: string): Promise<FolderPlan> {
  const plan: FolderPlan = { posts: [], blogIndexes: [], eventFiles: [], tagFiles: [], authorFiles: [], directoryCards: [], rejected: [], fileCount: 0 };
  const posts = new Map<string, PostFiles>();
  const claimed = new Map<string, string>();

  const addPostFile = (relative: string, locale: string | null) => {
    const slug = slugFromFileName(path.basename(relative));
    if (!slug) return plan.rejected.push({ path: relative, reason: 'no slug can be made from the file name' });
    // Slugs differing only in case would be two URLs for one post on a case-insensitive disk.
    const key = `${locale ?? ''}/${slug.toLowerCase()}`;
    const other = claimed.get(key);
    if (other) return plan.rejected.push({ path: relative, reason: `duplicate slug "${slug}": ${other} has it already` });
    claimed.set(key, relative);
    const entry = posts.get(slug.toLowerCase()) ?? { slug, original: null, translations: [] };
    if (locale) entry.translations.push({ locale, path: relative });
    else Object.assign(entry, { slug, original: relative });
    posts.set(slug.toLowerCase(), entry);
  };

  const scanLevel = async (dir: string, prefix: string, locale: string | null) => {
    for (const entry of await listFiles(dir)) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (locale !== null) continue;
        if (entry.name === '_directory') {
          for (const card of await listFiles(path.join(dir, entry.name))) {
            if (!card.isFile() || !POST_EXTENSIONS.has(path.extname(card.name).toLowerCase())) continue;
            const slug = slugFromFileName(card.name);
            const cardPath = `${relative}/${card.name}`;
            if (slug) plan.directoryCards.push({ slug, path: cardPath });
            else plan.rejected.push({ path: cardPath, reason: 'no slug can be made from the file name' });
          }
          continue;
        }
        const folderLocale = localeOfFolder(entry.name);
        if (folderLocale) await scanLevel(path.join(dir, entry.name), relative, folderLocale);
        continue;
      }
      if (!entry.isFile()) continue;
      const here = locale ?? rootLocale;
      if (entry.name === '_blog.yml') plan.blogIndexes.push({ locale: here, path: relative });
      else if (entry.name === '_events.yml') plan.eventFiles.push({ locale: here, path: relative });
      else if (entry.name === '_tags.yml') plan.tagFiles.push({ locale: here, path: relative });
      else if (entry.name === '_authors.yml' && locale === null) plan.authorFiles.push(relative);
      else if (entry.name.startsWith('_') || entry.name.startsWith('.') || REPOSITORY_FILES.test(entry.name)) continue;
      else if (POST_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) addPostFile(relative, locale);
    }
  };

  await scanLevel(root, '', null);
  plan.posts = [...posts.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  plan.fileCount =
    plan.posts.reduce((n, p) => n + (p.original ? 1 : 0) + p.translations.length, 0) +
    plan.blogIndexes.length +
    plan.eventFiles.length +
    plan.tagFiles.length +
    plan.authorFiles.length +
    plan.directoryCards.length +
    plan.rejected.length;
  return plan;
}
