import { getTranslations } from 'next-intl/server';
import type { Partner } from '@/lib/events/links';

export async function PartnerList({ partners }: { partners: Partner[] }) {
  if (partners.length === 0) return null;
  const t = await getTranslations('Events');
  return (
    <section aria-labelledby="event-partners" className="mt-10 border-t border-stone-200 pt-6">
      <h2 id="event-partners" className="mb-4 text-xl font-semibold">{t('partners')}</h2>
      <ul className="flex flex-wrap gap-4">
        {partners.map((p) => {
          const body = (
            <>
              {p.logo && (
                // Partner logos live on the partners' own sites.
                // eslint-disable-next-line @next/next/no-img-element
                <img src={p.logo} alt="" className="h-8 w-auto" loading="lazy" />
              )}
              <span className="font-medium">{p.name}</span>
            </>
          );
          return (
            <li key={p.name} className="rounded-lg border border-stone-200 bg-white px-4 py-3">
              {p.url ? (
                <a href={p.url} rel="noopener noreferrer" className="flex items-center gap-3 text-brand-800 underline-offset-2 hover:underline">
                  {body}
                </a>
              ) : (
                <span className="flex items-center gap-3">{body}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
