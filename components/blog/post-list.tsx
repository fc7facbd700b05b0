import type { PostCard as PostCardDto } from '@/lib/dal/posts';
import type { Locale } from '@/lib/i18n/routing';
import { PostCard } from '@/components/blog/post-card';

export function PostList({ posts, viewer, empty }: { posts: PostCardDto[]; viewer: Locale; empty: string }) {
  if (posts.length === 0) return <p className="rounded-lg border border-dashed border-stone-300 p-8 text-center text-stone-600">{empty}</p>;
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      {posts.map((post) => (
        <PostCard key={post.slug} post={post} viewer={viewer} />
      ))}
    </div>
  );
}
