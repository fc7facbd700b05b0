'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { locales } from '@/lib/i18n/routing';
import { failure, fieldFailure, withRole } from '@/lib/actions/safe-action';
import { channelFormSchema, channelHideSchema, channelIdSchema, channelMoveSchema } from '@/lib/validations/channels';
import { ChannelWriteError, createChannel, deleteChannel, moveChannel, setChannelHidden, updateChannel } from '@/lib/dal/channels';
import { MAX_UPLOAD_BYTES, UploadError } from '@/lib/uploads/image';
import { storeImage } from '@/lib/uploads/store';

function revalidateChannels() {
  for (const locale of locales) revalidatePath(`/${locale}/channels`);
  revalidatePath('/[locale]/admin/channels', 'page');
}

function writeFailure(error: unknown, formData?: FormData) {
  if (error instanceof ChannelWriteError) return failure('ChannelForm.errors.notFound', formData);
  throw error;
}

type QrResult = { ok: true; url: string | null | undefined } | { ok: false; key: string };

/** The uploaded QR code, stored; undefined when none was sent, null when asked to remove it. */
async function qrFromForm(formData: FormData): Promise<QrResult> {
  if (formData.get('removeQr') === 'on') return { ok: true, url: null };
  const file = formData.get('qr');
  if (!(file instanceof File) || file.size === 0) return { ok: true, url: undefined };
  // Refused before the bytes are even read.
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, key: 'Uploads.errors.tooLarge' };
  try {
    return { ok: true, url: await storeImage(new Uint8Array(await file.arrayBuffer())) };
  } catch (error) {
    if (error instanceof UploadError) return { ok: false, key: `Uploads.errors.${error.code}` };
    throw error;
  }
}

async function backToList(query: Record<string, string>): Promise<never> {
  redirect(`/${await getLocale()}/admin/channels?${new URLSearchParams(query)}`);
}

export const createChannelAction = withRole('ADMIN', channelFormSchema, async (input, _user, formData) => {
  const qr = await qrFromForm(formData);
  if (!qr.ok) return fieldFailure({ qr: [qr.key] }, formData);
  await createChannel(input, qr.url ?? null);
  revalidateChannels();
  return backToList({ saved: input.name });
});

export const updateChannelAction = withRole('ADMIN', channelFormSchema, async (input, _user, formData) => {
  const id = channelIdSchema.safeParse({ id: formData.get('id') });
  if (!id.success) return failure('ChannelForm.errors.notFound', formData);
  const qr = await qrFromForm(formData);
  if (!qr.ok) return fieldFailure({ qr: [qr.key] }, formData);
  try {
    await updateChannel(id.data.id, input, qr.url);
  } catch (error) {
    return writeFailure(error, formData);
  }
  revalidateChannels();
  return backToList({ saved: input.name });
});

export const setChannelHiddenAction = withRole('ADMIN', channelHideSchema, async ({ id, hidden }) => {
  try {
    await setChannelHidden(id, hidden);
  } catch (error) {
    return writeFailure(error);
  }
  revalidateChannels();
  return { ok: true };
});

export const moveChannelAction = withRole('ADMIN', channelMoveSchema, async ({ id, direction }) => {
  try {
    await moveChannel(id, direction);
  } catch (error) {
    return writeFailure(error);
  }
  revalidateChannels();
  return { ok: true };
});

export const deleteChannelAction = withRole('ADMIN', channelIdSchema, async ({ id }) => {
  try {
    await deleteChannel(id);
  } catch (error) {
    return writeFailure(error);
  }
  revalidateChannels();
  return { ok: true };
});
