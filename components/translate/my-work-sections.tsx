import type { ReactNode } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import type { ActionState } from '@/lib/actions/translation';
import type { BehindTranslation, MyDraft } from '@/lib/dal/translation-queue';
import { PostActionForm } from '@/components/translate/post-action-form';

type Props = {
  work: { drafts: MyDraft[]; behind: BehindTranslation[] };
  updateAction: (prev: ActionState, formData: FormData) => Promise<ActionState>;
};

function Section({ id, heading, empty, count, children }: { id: string; heading: string; empty: string; count: number; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-10">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {heading} <span className="text-base font-normal text-stone-500">({count})</span>
      </h2>
      {count === 0 ? (
        <p className="mt-3 rounded-lg border border-dashed border-stone-300 p-4 text-stone-600">{empty}</p>
      ) : (
        <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">{children}</ul>
      )}
    </section>
  );
}

export async function MyWorkSections({ work, updateAction }: Props) {
  const t = await getTranslations('Translate');
  const lang = await getTranslations('Languages');
  const format = await getFormatter();
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
  const of = (...statuses: MyDraft['status'][]) => work.drafts.filter((d) => statuses.includes(d.status));
  const inProgress = of('CLAIMED', 'IN_PROGRESS');
  const submitted = of('SUBMITTED');
  const changes = of('CHANGES_REQUESTED');
  const published = of('APPROVED');

  const row = (d: MyDraft, extra: ReactNode, linkLabel: string) => (
    <li key={d.id} className="flex flex-wrap items-start justify-between gap-3 p-4">
      <div className="min-w-0">
        <p className="font-medium">
          {d.title}
          {d.isUpdate && <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-medium text-sky-900">{t('updateBadge')}</span>}
        </p>
        <p className="mt-1 text-sm text-stone-600">
          {lang(d.locale)} · {extra}
        </p>
        {d.status === 'CHANGES_REQUESTED' && d.reviewNote && (
          <blockquote className="mt-2 whitespace-pre-wrap border-l-4 border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            <span className="font-medium">{t('reviewerNote')}</span> {d.reviewNote}
          </blockquote>
        )}
      </div>
      <Link href={`/translate/${d.id}`} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:border-brand-600" aria-label={t('rowAction', { action: linkLabel, title: d.title })}>
        {linkLabel}
      </Link>
    </li>
  );

  return (
    <>
      <Section id="drafts" heading={t('draftsHeading')} empty={t('draftsEmpty')} count={inProgress.length}>
        {inProgress.map((d) =>
          row(d, d.status === 'CLAIMED' && d.claimExpiresAt ? t('claimExpires', { date: date(d.claimExpiresAt) }) : t('updatedAt', { date: date(d.updatedAt) }), t('continue')),
        )}
      </Section>
      <Section id="changes" heading={t('changesHeading')} empty={t('changesEmpty')} count={changes.length}>
        {changes.map((d) => row(d, t('updatedAt', { date: date(d.updatedAt) }), t('revise')))}
      </Section>
      <Section id="submitted" heading={t('submittedHeading')} empty={t('submittedEmpty')} count={submitted.length}>
        {submitted.map((d) => row(d, t('submittedAt', { date: date(d.updatedAt) }), t('view')))}
      </Section>
      <Section id="published" heading={t('publishedHeading')} empty={t('publishedEmpty')} count={published.length}>
        {published.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
            <div>
              <Link href={`/blog/${d.slug}`} locale={d.locale} className="font-medium underline-offset-2 hover:underline">
                {d.title}
              </Link>
              <p className="mt-1 text-sm text-stone-600">
                {lang(d.locale)} · {t('publishedAt', { date: date(d.updatedAt) })}
              </p>
            </div>
          </li>
        ))}
      </Section>
      <Section id="behind" heading={t('behindHeading')} empty={t('behindEmpty')} count={work.behind.length}>
        {work.behind.map((b) => (
          <li key={`${b.postId}:${b.locale}`} className="flex flex-wrap items-center justify-between gap-3 p-4">
            <div>
              <Link href={`/blog/${b.slug}`} locale={b.locale} className="font-medium underline-offset-2 hover:underline">
                {b.title}
              </Link>
              <p className="mt-1 text-sm text-stone-600">
                {lang(b.locale)} · {t('behindExplain')}
              </p>
            </div>
            <PostActionForm action={updateAction} postId={b.postId} locale={b.locale} label={t('update')} accessibleLabel={t('updatePost', { title: b.title })} />
          </li>
        ))}
      </Section>
    </>
  );
}
