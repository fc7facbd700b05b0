import { stringify } from 'yaml';

// YAML written by hand, key by key, so that files look like the Hugging Face blog's own
// (`title: "…"`, `authors:` lists flush with their key) and come out byte-identical every time.

// Words YAML 1.1 readers (PyYAML, which the Hugging Face tooling uses) take for booleans or null.
const AMBIGUOUS = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;

/** A string as a one-line YAML scalar: plain when that reads back unchanged, else double-quoted. */
export function scalar(value: string): string {
  if (value === '' || /[\n\r\t]/.test(value) || value !== value.trim() || AMBIGUOUS.test(value)) return JSON.stringify(value);
  const plain = stringify(value, { lineWidth: 0, minContentWidth: 0 }).trimEnd();
  return plain.includes('\n') ? JSON.stringify(value) : plain;
}

/** Always double-quoted, as titles are in the Hugging Face blog. */
export function quoted(value: string): string {
  return JSON.stringify(value);
}

export type Line = string | false | null | undefined;

/** Joins lines, dropping the ones a condition left out. */
export function lines(...parts: Line[]): string {
  return parts.filter((p): p is string => typeof p === 'string').join('\n');
}

/** `---` fenced front matter followed by the body exactly as stored. */
export function withFrontMatter(yamlLines: Line[], body: string): string {
  return `---\n${lines(...yamlLines)}\n---\n${body}`;
}
