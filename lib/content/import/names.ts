// Slugs, language codes and addresses as they appear in community repositories: file names,
// `lang: zh-CN`, folder names such as `zh/` or `cn/`, links.

const POST_SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_SLUG = 120;

/** A post's slug is its file name, as on the Hugging Face blog (the URL keeps its case). */
export function slugFromFileName(fileName: string): string | null {
  const stem = fileName.replace(/\.[^./]*$/, '');
  if (POST_SLUG.test(stem) && stem.length <= MAX_SLUG) return stem;
  const derived = slugify(stem);
  return derived || null;
}

export function isPostSlug(value: string): boolean {
  return POST_SLUG.test(value) && value.length <= MAX_SLUG;
}

/** Lower-case words joined by hyphens; letters of every script are kept (tags are often Chinese). */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return Array.from(slug).slice(0, maxLength).join('').replace(/-+$/, '');
}

// Folder names real repositories use for a language: `zh`, `zh-CN`, `zh_hans`, and Hugging
// Face's own `cn/`.
const LOCALE_ALIASES: Record<string, string> = { cn: 'zh', chs: 'zh', cht: 'zh' };

/** `zh-CN`, `zh_Hans`, `ZH` → `zh`; anything that is not a language tag → null. */
export function normalizeLocale(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$/i.exec(value.trim());
  if (!match) return null;
  const primary = match[1]!.toLowerCase();
  return LOCALE_ALIASES[primary] ?? primary;
}

/** A folder that holds one language's translations, such as `zh/` (not `assets/`). */
export function localeOfFolder(name: string): string | null {
  if (!/^[a-z]{2}(?:[-_][A-Za-z0-9]{2,8})?$/.test(name)) return null;
  return normalizeLocale(name);
}

const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;

/** Chinese when Han characters outnumber Latin letters by a clear margin; else English. */
export function guessLocale(text: string): string {
  const sample = text.slice(0, 20_000);
  const han = sample.match(HAN)?.length ?? 0;
  const latin = sample.match(LATIN)?.length ?? 0;
  return han * 2 > latin ? 'zh' : 'en';
}

/** Only http(s) addresses reach links on the site; anything else is dropped with a warning. */
export function webUrl(value: string | undefined, what: string, warnings: string[]): string | null {
  if (value === undefined) return null;
  if (/^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value)) return value;
  warnings.push(`${what} "${value}" is not an http(s) address; ignored`);
  return null;
}
