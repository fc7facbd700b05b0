'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { locales } from '@/lib/i18n/routing';
import { failure, fieldFailure, withRole } from '@/lib/actions/safe-action';
import {
  directoryCreateSchema,
  directoryEditSchema,
  directoryFormSchema,
  directoryHideSchema,
  directoryIdSchema,
  directoryMoveSchema,
} from '@/lib/validations/directory';
import {
  createDirectoryEntry,
  deleteDirectoryEntry,
  DirectoryWriteError,
  moveDirectoryEntry,
  setDirectoryEntryHidden,
  updateDirectoryEntry,
} from '@/lib/dal/directory-admin';

function revalidateDirectory() {
  for (const locale of locales) revalidatePath(`/${locale}/channels`);
  revalidatePath('/[locale]/admin/directory', 'page');
}

/** Expected refusals from the DAL as message keys; anything else is a bug and propagates. */
function writeFailure(error: unknown, formData?: FormData) {
  if (!(error instanceof DirectoryWriteError)) throw error;
  if (error.code === 'SLUG_TAKEN' && formData) return fieldFailure({ slug: ['DirectoryForm.errors.slugTaken'] }, formData);
  return failure(error.code === 'CONFLICT' ? 'DirectoryForm.errors.conflict' : 'DirectoryForm.errors.notFound', formData);
}

// next/navigation's redirect with the locale written out: next-intl's navigation helpers cannot
// be loaded outside Next (the integration tests call these actions directly).
async function backToList(query: Record<string, string>): Promise<never> {
  redirect(`/${await getLocale()}/admin/directory?${new URLSearchParams(query)}`);
}

export const createDirectoryEntryAction = withRole('ADMIN', directoryCreateSchema, async (input, _user, formData) => {
  try {
    await createDirectoryEntry(input);
  } catch (error) {
    return writeFailure(error, formData);
  }
  revalidateDirectory();
  return backToList({ saved: input.name });
});

export const updateDirectoryEntryAction = withRole('ADMIN', directoryFormSchema, async (input, _user, formData) => {
  const ids = directoryEditSchema.safeParse({ id: formData.get('id'), version: formData.get('version') });
  if (!ids.success) return failure('DirectoryForm.errors.notFound', formData);
  try {
    await updateDirectoryEntry(ids.data.id, ids.data.version, input);
  } catch (error) {
    return writeFailure(error, formData);
  }
  revalidateDirectory();
  return backToList({ saved: input.name });
});

export const setDirectoryEntryHiddenAction = withRole('ADMIN', directoryHideSchema, async ({ id, hidden }) => {
  try {
    await setDirectoryEntryHidden(id, hidden);
  } catch (error) {
    return writeFailure(error);
  }
  revalidateDirectory();
  return { ok: true };
});

export const moveDirectoryEntryAction = withRole('ADMIN', directoryMoveSchema, async ({ id, direction }) => {
  try {
    await moveDirectoryEntry(id, direction);
  } catch (error) {
    return writeFailure(error);
  }
  revalidateDirectory();
  return { ok: true };
});

export const deleteDirectoryEntryAction = withRole('ADMIN', directoryIdSchema, async ({ id }) => {
  let deleted: { name: string };
  try {
    deleted = await deleteDirectoryEntry(id);
  } catch (error) {
    return writeFailure(error);
  }
  revalidateDirectory();
  return backToList({ deleted: deleted.name });
});
