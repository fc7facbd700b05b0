'use server';

import { revalidatePath } from 'next/cache';
import { failure, fieldFailure, withRole, type ActionState } from '@/lib/actions/safe-action';
import { revalidatePublishedPost } from '@/lib/dal/cached-posts';
import { cancelSchedule, publishLocalization, PublishError, scheduleLocalization, unpublishLocalization, type Published } from '@/lib/dal/post-publishing';
import { localizationActionSchema, scheduleSchema } from '@/lib/validations/posts-admin';

async function run(formData: FormData, write: () => Promise<Published>): Promise<ActionState> {
  try {
    const done = await write();
    revalidatePublishedPost(done.slug);
    revalidatePath('/[locale]/admin/posts', 'page');
    return { ok: true };
  } catch (error) {
    if (error instanceof PublishError) {
      if (error.code === 'inPast') return fieldFailure({ at: ['PostAdmin.errors.inPast'] }, formData);
      return failure(`PostAdmin.errors.${error.code}`, formData);
    }
    throw error;
  }
}

export const publishLocalizationAction = withRole('ADMIN', localizationActionSchema, ({ id, version }, _user, formData) =>
  run(formData, () => publishLocalization(id, version)),
);

export const unpublishLocalizationAction = withRole('ADMIN', localizationActionSchema, ({ id, version }, _user, formData) =>
  run(formData, () => unpublishLocalization(id, version)),
);

export const scheduleLocalizationAction = withRole('ADMIN', scheduleSchema, ({ id, version, at, timeZone }, _user, formData) =>
  run(formData, () => scheduleLocalization(id, version, at, timeZone)),
);

export const cancelScheduleAction = withRole('ADMIN', localizationActionSchema, ({ id, version }, _user, formData) =>
  run(formData, () => cancelSchedule(id, version)),
);
