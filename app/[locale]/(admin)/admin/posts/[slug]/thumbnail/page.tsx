import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { getPostThumbnail } from '@/lib/dal/post-thumbnails';
import { setPostThumbnailAction } from '@/lib/actions/post-thumbnail';
import { adminMetadata, openAdminPage } from '@/components/admin/admin-page';
import { ClientMessages } from '@/components/ui/client-messages';
import { ThumbnailForm } from '@/components/posts-admin/thumbnail-form';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('PostThumbnail', 'title');

export default async function PostThumbnailPage({ params }: PageProps<'/[locale]/admin/posts/[slug]/thumbnail'>) {
  const { slug } = await openAdminPage(params);
  const post = await getPostThumbnail(slug);
  if (!post) notFound();
  const t = await getTranslations('PostThumbnail');
  return (
    <>
      <Link href="/admin/posts" className="text-sm text-brand-700 underline">{t('back')}</Link>
      <h1 className="text-2xl font-bold">{t('heading', { title: post.title })}</h1>
      <p className="max-w-2xl text-sm text-stone-600">{t('intro')}</p>
      <ClientMessages namespaces={['PostThumbnail', 'Uploads', 'FormErrors']}>
        <ThumbnailForm action={setPostThumbnailAction} slug={post.slug} current={post.thumbnail} />
      </ClientMessages>
    </>
  );
}
