'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { locales } from '@/lib/i18n/routing';
import { failure, fieldFailure, withRole } from '@/lib/actions/safe-action';
import { channelEditSchema, channelFormSchema, channelHideSchema, channelIdSchema, channelMoveSchema } from '@/lib/validations/channels';
import { ChannelWriteError, createChannel, deleteChannel, moveChannel, setChannelHidden, updateChannel } from '@/lib/dal/channels';
import { imageFromForm } from '@/lib/uploads/form';

function revalidateChannels() {
  for (const locale of locales) revalidatePath(`/${locale}/channels`);
  revalidatePath('/[locale]/admin/channels', 'page');
}

function writeFailure(error: unknown, formData?: FormData) {
  if (error instanceof ChannelWriteError) return failure(error.code === 'CONFLICT' ? 'ChannelForm.errors.conflict' : 'ChannelForm.errors.notFound', formData);
  throw error;
}

async function backToList(query: Record<string, string>): Promise<never> {
  redirect(`/${await getLocale()}/admin/channels?${new URLSearchParams(query)}`);
}

export const createChannelAction = withRole('ADMIN', channelFormSchema, async (input, _user, formData) => {
  const qr = await imageFromForm(formData, 'qr', 'removeQr');
  if (!qr.ok) return fieldFailure({ qr: [qr.key] }, formData);
  await createChannel(input, qr.url ?? null);
  revalidateChannels();
  return backToList({ saved: input.name });
});

export const updateChannelAction = withRole('ADMIN', channelFormSchema, async (input, _user, formData) => {
  const id = channelEditSchema.safeParse({ id: formData.get('id'), version: formData.get('version') });
  if (!id.success) return failure('ChannelForm.errors.notFound', formData);
  const qr = await imageFromForm(formData, 'qr', 'removeQr');
  if (!qr.ok) return fieldFailure({ qr: [qr.key] }, formData);
  try {
    await updateChannel(id.data.id, id.data.version, input, qr.url);
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
