import { parse as parseYaml } from 'yaml';

export type FrontMatter = { data: Record<string, unknown>; body: string };

export class FrontMatterError extends Error {}

/**
 * Splits `---`-fenced YAML front matter from a Markdown document. Tolerates a BOM and CRLF line
 * endings, which real repositories contain; anything else malformed is an error, not a guess.
 */
export function parseFrontMatter(source: string): FrontMatter {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { data: {}, body: text };
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '', { prettyErrors: true }) ?? {};
  } catch (error) {
    throw new FrontMatterError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new FrontMatterError('front matter is not a mapping of keys to values');
  }
  return { data: data as Record<string, unknown>, body: text.slice(match[0].length) };
}
