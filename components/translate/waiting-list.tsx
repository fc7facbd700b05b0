import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import type { ActionState } from '@/lib/actions/translation';
import type { WaitingPost } from '@/lib/dal/translation-queue';
import { PostActionForm } from '@/components/translate/post-action-form';

type Props = { posts: WaitingPost[]; target: Locale; action: (prev: ActionState, formData: FormData) => Promise<ActionState> };

export async function WaitingList({ posts, target, action }: Props) {
  const t = await getTranslations('Translate');
  const format = await getFormatter();
  if (posts.length === 0) return <p className="mt-3 rounded-lg border border-dashed border-stone-300 p-4 text-stone-600">{t('waitingEmpty')}</p>;
  return (
    <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
      {posts.map((post) => (
        <li key={post.postId} className="flex flex-wrap items-center justify-between gap-3 p-4">
          <div>
            <Link href={`/blog/${post.slug}`} locale={post.sourceLocale} className="font-medium text-stone-900 underline-offset-2 hover:underline">
              {post.title}
            </Link>
            <p className="mt-1 text-sm text-stone-600">
              {t('characters', { count: post.characters })}
              {post.publishedAt && <> · {format.dateTime(new Date(post.publishedAt), { dateStyle: 'medium' })}</>}
            </p>
          </div>
          <PostActionForm action={action} postId={post.postId} locale={target} label={t('claim')} accessibleLabel={t('claimPost', { title: post.title })} />
        </li>
      ))}
    </ul>
  );
}
