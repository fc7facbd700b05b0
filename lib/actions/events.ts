'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { redirect } from 'next/navigation';
import { locales } from '@/lib/i18n/routing';
import { failure, fieldFailure, withRole } from '@/lib/actions/safe-action';
import { eventFormSchema } from '@/lib/validations/events';
import { cancelEvent, createEvent, deleteEvent, duplicateEvent, EventWriteError, updateEvent } from '@/lib/dal/events-admin';
import type { EventInput } from '@/lib/validations/events';
import { imageFromForm } from '@/lib/uploads/form';

const idSchema = z.object({ id: z.string().min(1).max(64) });
const editSchema = z.object({ id: z.string().min(1).max(64), version: z.coerce.number().int().min(1) });

function revalidateEvent(...slugs: string[]) {
  for (const locale of locales) {
    for (const slug of slugs) {
      revalidatePath(`/${locale}/events/${slug}`);
      revalidatePath(`/${locale}/events/${slug}/calendar.ics`);
    }
    revalidatePath(`/${locale}/events`);
    revalidatePath(`/feed/${locale}/events.ics`);
    revalidatePath(`/feed/${locale}/events.xml`);
  }
  revalidatePath('/sitemap.xml');
  revalidatePath('/[locale]/admin/events', 'page');
}

/** Expected refusals from the DAL as message keys; anything else is a bug and propagates. */
function writeFailure(error: unknown, formData: FormData) {
  if (!(error instanceof EventWriteError)) throw error;
  if (error.code === 'SLUG_TAKEN') return fieldFailure({ slug: ['EventForm.errors.slugTaken'] }, formData);
  return failure(error.code === 'CONFLICT' ? 'EventForm.errors.conflict' : 'EventForm.errors.notFound', formData);
}

// next/navigation's redirect with the locale prefix written out, as in the other actions:
// next-intl's navigation helpers cannot be loaded outside Next (the integration tests call
// these actions directly).
/** The input with an uploaded cover (or its removal) in place of the typed address. */
async function withCover(input: EventInput, formData: FormData): Promise<{ ok: true; input: EventInput } | { ok: false; key: string }> {
  const cover = await imageFromForm(formData, 'coverFile', 'removeCover');
  if (!cover.ok) return cover;
  return { ok: true, input: cover.url === undefined ? input : { ...input, coverImage: cover.url } };
}

async function backToList(query: Record<string, string>): Promise<never> {
  redirect(`/${await getLocale()}/admin/events?${new URLSearchParams(query)}`);
}

export const createEventAction = withRole('ADMIN', eventFormSchema, async (typed, _user, formData) => {
  const cover = await withCover(typed, formData);
  if (!cover.ok) return fieldFailure({ coverFile: [cover.key] }, formData);
  let saved: { slug: string };
  try {
    saved = await createEvent(cover.input);
  } catch (error) {
    return writeFailure(error, formData);
  }
  revalidateEvent(saved.slug);
  return backToList({ saved: saved.slug });
});

export const updateEventAction = withRole('ADMIN', eventFormSchema, async (typed, _user, formData) => {
  const ids = editSchema.safeParse(Object.fromEntries(formData));
  if (!ids.success) return failure('EventForm.errors.notFound', formData);
  const cover = await withCover(typed, formData);
  if (!cover.ok) return fieldFailure({ coverFile: [cover.key] }, formData);
  let saved: { slug: string; previousSlug: string };
  try {
    saved = await updateEvent(ids.data.id, ids.data.version, cover.input);
  } catch (error) {
    return writeFailure(error, formData);
  }
  revalidateEvent(saved.slug, saved.previousSlug);
  return backToList({ saved: saved.slug });
});

export const duplicateEventAction = withRole('ADMIN', idSchema, async ({ id }, _user, formData) => {
  let copy: { id: string };
  try {
    copy = await duplicateEvent(id);
  } catch (error) {
    return writeFailure(error, formData);
  }
  revalidatePath('/[locale]/admin/events', 'page');
  redirect(`/${await getLocale()}/admin/events/${copy.id}/edit`);
});

export const cancelEventAction = withRole('ADMIN', idSchema, async ({ id }, _user, formData) => {
  let done: { slug: string };
  try {
    done = await cancelEvent(id);
  } catch (error) {
    return writeFailure(error, formData);
  }
  revalidateEvent(done.slug);
  return backToList({ cancelled: done.slug });
});

export const deleteEventAction = withRole('ADMIN', idSchema, async ({ id }, _user, formData) => {
  let done: { slug: string };
  try {
    done = await deleteEvent(id);
  } catch (error) {
    return writeFailure(error, formData);
  }
  revalidateEvent(done.slug);
  return backToList({ deleted: done.slug });
});
