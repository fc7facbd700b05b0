import { markGlossaryTerms, type GlossaryTermDto } from '@/lib/translation/glossary-match';
import type { DiffPart } from '@/lib/translation/align';

const MONOSPACE = new Set(['code', 'math', 'html', 'table']);
// Code, formulas and markup are copied, not translated: glossary marks there would be noise.
export const UNTRANSLATED_KINDS = new Set(['code', 'math', 'html']);

/** A source block as its Markdown text, with glossary terms marked and their agreed rendering in a tooltip. */
export function SourceText({ text, kind, glossary, pattern, lang }: { text: string; kind: string; glossary: readonly GlossaryTermDto[]; pattern: RegExp | null; lang: string }) {
  const parts = UNTRANSLATED_KINDS.has(kind) ? [{ text }] : markGlossaryTerms(text, glossary, pattern);
  return (
    <div lang={lang} className={`whitespace-pre-wrap break-words text-stone-800 ${MONOSPACE.has(kind) ? 'font-mono text-sm' : 'leading-relaxed'}`}>
      {parts.map((part, i) =>
        'term' in part && part.term ? (
          <mark key={i} title={`${part.term.translation}${part.term.note ? ` — ${part.term.note}` : ''}`} className="rounded-sm bg-yellow-100 text-inherit underline decoration-amber-500 decoration-dotted underline-offset-4">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </div>
  );
}

/** Word-level change of a source block since the published translation was made. */
export function SourceDiff({ parts, label, lang }: { parts: readonly DiffPart[]; label: string; lang: string }) {
  return (
    <div className="rounded-md border border-sky-200 bg-sky-50 p-2 text-sm">
      <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-sky-900">{label}</p>
      <p lang={lang} className="whitespace-pre-wrap break-words leading-relaxed text-stone-900">
        {parts.map((part, i) =>
          part.removed ? (
            <del key={i} className="mx-px rounded-sm bg-red-100 px-0.5 text-red-900 decoration-red-700">
              {part.value}
            </del>
          ) : part.added ? (
            <ins key={i} className="mx-px rounded-sm bg-green-100 px-0.5 text-green-900 no-underline">
              {part.value}
            </ins>
          ) : (
            <span key={i}>{part.value}</span>
          ),
        )}
      </p>
    </div>
  );
}
