'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { failure, fieldFailure, withRole } from '@/lib/actions/safe-action';
import { revalidatePublishedPost } from '@/lib/dal/cached-posts';
import { setPostThumbnail, ThumbnailError } from '@/lib/dal/post-thumbnails';
import { imageFromForm } from '@/lib/uploads/form';

const thumbnailSchema = z.object({ slug: z.string().min(1).max(200) });

export const setPostThumbnailAction = withRole('ADMIN', thumbnailSchema, async ({ slug }, _user, formData) => {
  const image = await imageFromForm(formData, 'thumbnail', 'removeThumbnail');
  if (!image.ok) return fieldFailure({ thumbnail: [image.key] }, formData);
  // Nothing sent and nothing to remove: nothing to change.
  if (image.url === undefined) return fieldFailure({ thumbnail: ['PostThumbnail.errors.noFile'] }, formData);
  try {
    await setPostThumbnail(slug, image.url);
  } catch (error) {
    if (error instanceof ThumbnailError) return failure('PostThumbnail.errors.notFound', formData);
    throw error;
  }
  revalidatePublishedPost(slug);
  revalidatePath('/[locale]/admin/posts', 'page');
  revalidatePath('/[locale]/admin/posts/[slug]/thumbnail', 'page');
  return { ok: true };
});
