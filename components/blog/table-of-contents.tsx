import type { TocEntry } from '@/lib/dal/posts';

export function TableOfContents({ entries, label }: { entries: TocEntry[]; label: string }) {
  if (entries.length < 2) return null;
  return (
    <nav aria-label={label} className="order-first mb-8 rounded-lg border border-stone-200 bg-white p-4 text-sm lg:sticky lg:top-4 lg:order-none lg:mb-0 lg:self-start">
      <h2 className="mb-2 font-semibold">{label}</h2>
      <ol className="space-y-1">
        {entries.map((e) => (
          <li key={e.id} className={e.depth === 3 ? 'ps-4' : undefined}>
            <a href={`#${e.id}`} className="text-stone-700 hover:text-brand-700 hover:underline">{e.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
