import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import type { AdminLocalization, AdminPostRow } from '@/lib/dal/posts-admin';
import type { AdminStatus } from '@/lib/dal/post-status';
import { toWallTime } from '@/lib/events/zoned-time';
import { cancelScheduleAction, publishLocalizationAction, scheduleLocalizationAction, unpublishLocalizationAction } from '@/lib/actions/posts-admin';
import { PublishingControls } from '@/components/posts-admin/publishing-controls';

const BADGE: Record<AdminStatus, string> = {
  none: 'bg-stone-100 text-stone-700',
  draft: 'bg-stone-200 text-stone-900',
  inReview: 'bg-sky-100 text-sky-900',
  changesRequested: 'bg-amber-100 text-amber-900',
  published: 'bg-green-100 text-green-900',
  scheduled: 'bg-violet-100 text-violet-900',
  unpublished: 'bg-red-50 text-red-900',
};

const INTL_LOCALE: Record<Locale, string> = { en: 'en', zh: 'zh-CN' };
const ACTIONS = { publish: publishLocalizationAction, unpublish: unpublishLocalizationAction, schedule: scheduleLocalizationAction, cancel: cancelScheduleAction };

/** One language version of a post in the admin list: its state, where to go, what to do. */
export async function VersionCell({ post, version, viewer, timeZone }: { post: AdminPostRow; version: AdminLocalization; viewer: Locale; timeZone: string }) {
  const t = await getTranslations('PostAdmin');
  const lang = await getTranslations('Languages');
  const when = (iso: string, withTime: boolean) =>
    new Intl.DateTimeFormat(INTL_LOCALE[viewer], { dateStyle: 'medium', ...(withTime ? { timeStyle: 'short' } : {}), timeZone }).format(new Date(iso));
  const subject = t('subject', { title: post.title, language: lang(version.locale) });
  const { status, draft, row } = version;

  return (
    <td className="px-3 py-2 align-top" data-locale={version.locale} data-status={status}>
      <div aria-live="polite">
        <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-semibold ${BADGE[status]}`}>{t(`status.${status}`)}</span>
        {status === 'published' && version.publishedAt && <span className="block text-xs text-stone-600">{t('publishedOn', { date: when(version.publishedAt, false) })}</span>}
        {status === 'scheduled' && version.publishedAt && <span className="block text-xs text-stone-600">{t('scheduledFor', { date: when(version.publishedAt, true), zone: timeZone })}</span>}
      </div>
      {version.isSource && <span className="block text-xs text-stone-600">{t('original')}</span>}
      {version.behind && <span className="mt-1 inline-block rounded bg-amber-50 px-1.5 text-xs text-amber-900">{t('behind')}</span>}
      {draft && row && <span className="block text-xs text-stone-600">{t('updateBy', { name: draft.translator, status: t(`status.${draft.status}`) })}</span>}
      {draft && !row && <span className="block text-xs text-stone-600">{t('translatedBy', { name: draft.translator })}</span>}
      <div className="mt-1 flex flex-wrap gap-x-3 text-sm">
        {status === 'published' && (
          <Link href={`/blog/${post.slug}`} locale={version.locale} className="text-brand-700 underline" aria-label={t('links.viewFor', { subject })}>{t('links.view')}</Link>
        )}
        {version.isSource && (
          <Link href={`/admin/posts/${encodeURIComponent(post.slug)}/edit`} className="text-brand-700 underline" aria-label={t('links.editFor', { title: post.title })}>{t('links.edit')}</Link>
        )}
        {draft && (draft.status === 'inReview' || draft.status === 'changesRequested') && (
          <Link href={`/review/${draft.id}`} className="text-brand-700 underline" aria-label={t('links.reviewFor', { subject })}>{t('links.review')}</Link>
        )}
        {!version.isSource && status === 'none' && (
          <Link href={{ pathname: '/translate', query: { lang: version.locale } }} className="text-brand-700 underline">{t('links.queue')}</Link>
        )}
      </div>
      {row && (
        <PublishingControls
          key={row.id}
          row={row}
          allowed={version.actions}
          actions={ACTIONS}
          subject={subject}
          timeZone={timeZone}
          scheduledWall={status === 'scheduled' && version.publishedAt ? toWallTime(new Date(version.publishedAt), timeZone) : null}
        />
      )}
    </td>
  );
}
