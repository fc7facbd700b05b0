// Chinese is written without spaces, and PostgreSQL's 'simple' configuration only splits on
// them, so text is segmented here and stored space-separated; PostgreSQL then sees one
// lexeme per word. Documents and queries must go through the same normalisation.

const MAX_QUERY_TERMS = 32;
const MAX_TERM_LENGTH = 64;

// 'zh' selects ICU's Chinese/Japanese dictionary; other scripts segment the same under any locale.
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const HAN = /^\p{Script=Han}$/u;

function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function isHan(char: string | undefined): char is string {
  return char !== undefined && HAN.test(char);
}

function capLength(term: string): string {
  const chars = Array.from(term);
  return chars.length > MAX_TERM_LENGTH ? chars.slice(0, MAX_TERM_LENGTH).join('') : term;
}

function codePointAt(text: string, index: number): string | undefined {
  const code = text.codePointAt(index);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

/**
 * Words of `text` for a 'simple' tsvector: lowercased (NFKC), word-like segments only, joined
 * by single spaces. Every Han character and every pair of adjacent Han characters is emitted
 * as well, because ICU's segmentation depends on its dictionary and on context
 * (南京市长江大桥 → 南京市 长江 大 桥, 显卡 → 显 卡): with them present, a Chinese query word
 * matches wherever its characters occur in the text, however either side was segmented.
 */
export function segmentForSearch(text: string): string {
  const normalized = normalize(text);
  const out: string[] = [];
  for (const { segment, index, isWordLike } of segmenter.segment(normalized)) {
    if (isWordLike) out.push(capLength(segment));
    const chars = Array.from(segment);
    const next = codePointAt(normalized, index + segment.length);
    chars.forEach((char, position) => {
      if (!isHan(char)) return;
      // A one-character word is its own unigram.
      if (!(isWordLike && chars.length === 1)) out.push(char);
      const following = position + 1 < chars.length ? chars[position + 1] : next;
      // A two-character word is its own bigram.
      if (isHan(following) && !(isWordLike && chars.length === 2 && position === 0)) out.push(char + following);
    });
  }
  return out.join(' ');
}

/**
 * Terms of a user query, to be ANDed as 'simple' lexemes. Chinese words longer than two
 * characters are replaced by their bigrams; with the unigrams and bigrams `segmentForSearch`
 * always emits, a match then does not depend on the document having been segmented the same
 * way. Deduplicated, at most 32 terms of at most 64 characters.
 */
export function searchTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const { segment, isWordLike } of segmenter.segment(normalize(query))) {
    if (!isWordLike) continue;
    const chars = Array.from(segment);
    if (chars.length > 2 && chars.every((char) => isHan(char))) {
      for (let position = 0; position + 1 < chars.length; position += 1) {
        terms.add(`${chars[position]}${chars[position + 1]}`);
      }
    } else {
      terms.add(capLength(segment));
    }
    if (terms.size >= MAX_QUERY_TERMS) break;
  }
  return [...terms].slice(0, MAX_QUERY_TERMS);
}
