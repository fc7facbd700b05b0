export type GlossaryTermDto = { term: string; translation: string; note: string | null };

export type TextPart = { text: string; term?: GlossaryTermDto };

const LATIN = /^[\p{Script=Latin}\p{N}\s\-_.'’+/&]+$/u;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One regular expression for the whole glossary. Latin terms match as whole words, in any case
 * ("LoRA" in "lora-based" no, "Transformers" in "transformers" yes); terms in scripts written
 * without spaces (Chinese) match anywhere. Longer terms win over the shorter ones they contain.
 */
export function glossaryPattern(terms: readonly GlossaryTermDto[]): RegExp | null {
  const usable = terms.filter((t) => t.term.trim() !== '');
  if (usable.length === 0) return null;
  const alternatives = [...usable]
    .sort((a, b) => b.term.length - a.term.length)
    .map((t) => {
      const body = escape(t.term.trim()).replace(/\s+/g, '\\s+');
      return LATIN.test(t.term) ? `(?<![\\p{L}\\p{N}_-])${body}(?![\\p{L}\\p{N}_-])` : body;
    });
  return new RegExp(alternatives.join('|'), 'giu');
}

/** Splits `text` into plain runs and glossary-term runs, in order; joined, they are `text`. */
export function markGlossaryTerms(text: string, terms: readonly GlossaryTermDto[], pattern = glossaryPattern(terms)): TextPart[] {
  if (!pattern) return [{ text }];
  const byKey = new Map(terms.map((t) => [t.term.trim().toLowerCase().replace(/\s+/g, ' '), t]));
  const parts: TextPart[] = [];
  let cursor = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const term = byKey.get(match[0].toLowerCase().replace(/\s+/g, ' '));
    if (!term || match[0] === '') continue;
    if (start > cursor) parts.push({ text: text.slice(cursor, start) });
    parts.push({ text: match[0], term });
    cursor = start + match[0].length;
  }
  if (cursor < text.length || parts.length === 0) parts.push({ text: text.slice(cursor) });
  return parts;
}

/** The glossary entries that occur in `text`, each once, in order of first appearance. */
export function termsIn(text: string, terms: readonly GlossaryTermDto[], pattern = glossaryPattern(terms)): GlossaryTermDto[] {
  const seen = new Map<string, GlossaryTermDto>();
  for (const part of markGlossaryTerms(text, terms, pattern)) if (part.term && !seen.has(part.term.term)) seen.set(part.term.term, part.term);
  return [...seen.values()];
}
