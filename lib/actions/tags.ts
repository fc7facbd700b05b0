'use server';

import { revalidatePath, revalidateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { failure, fieldFailure, withRole } from '@/lib/actions/safe-action';
import { tagCreateSchema, tagEditSchema, tagIdSchema, tagLabelsSchema } from '@/lib/validations/tags';
import { createTag, deleteTag, TagWriteError, updateTagLabels } from '@/lib/dal/tags';
import { POSTS_TAG } from '@/lib/dal/cached-posts';

/**
 * A label shows on post pages, tag pages, the listing, the home page, author pages and search:
 * every page under /[locale] is dropped (they are rebuilt on their next visit), and so is the
 * listing's cached data.
 */
function revalidateTagPages() {
  revalidateTag(POSTS_TAG, { expire: 0 });
  revalidatePath('/[locale]', 'layout');
}

/** Expected refusals from the DAL as message keys; anything else is a bug and propagates. */
function writeFailure(error: unknown, formData: FormData) {
  if (!(error instanceof TagWriteError)) throw error;
  if (error.code === 'SLUG_TAKEN') return fieldFailure({ slug: ['TagForm.errors.slugTaken'] }, formData);
  const key = { CONFLICT: 'conflict', IN_USE: 'inUse', NOT_FOUND: 'notFound' }[error.code];
  return failure(`TagForm.errors.${key}`, formData);
}

// next/navigation's redirect with the locale written out: next-intl's navigation helpers cannot
// be loaded outside Next (the integration tests call these actions directly).
async function backToList(query: Record<string, string>): Promise<never> {
  redirect(`/${await getLocale()}/admin/tags?${new URLSearchParams(query)}`);
}

export const createTagAction = withRole('ADMIN', tagCreateSchema, async (input, _user, formData) => {
  try {
    await createTag(input);
  } catch (error) {
    return writeFailure(error, formData);
  }
  // A new tag has no posts yet: only the admin list changes.
  revalidatePath('/[locale]/admin/tags', 'page');
  return backToList({ created: input.slug });
});

export const updateTagLabelsAction = withRole('ADMIN', tagLabelsSchema, async (input, _user, formData) => {
  const ids = tagEditSchema.safeParse({ id: formData.get('id'), version: formData.get('version') });
  if (!ids.success) return failure('TagForm.errors.notFound', formData);
  let saved: { slug: string };
  try {
    saved = await updateTagLabels(ids.data.id, ids.data.version, input);
  } catch (error) {
    return writeFailure(error, formData);
  }
  revalidateTagPages();
  return backToList({ saved: saved.slug });
});

export const deleteTagAction = withRole('ADMIN', tagIdSchema, async ({ id }, _user, formData) => {
  let deleted: { slug: string };
  try {
    deleted = await deleteTag(id);
  } catch (error) {
    return writeFailure(error, formData);
  }
  revalidateTagPages();
  return backToList({ deleted: deleted.slug });
});
