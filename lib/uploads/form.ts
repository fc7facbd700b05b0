import 'server-only';
import { MAX_UPLOAD_BYTES, UploadError } from '@/lib/uploads/image';
import { storeImage } from '@/lib/uploads/store';

export type FormImage = { ok: true; url: string | null | undefined } | { ok: false; key: string };

/**
 * An image field of a submitted form, stored: undefined when no file was sent, null when the
 * `remove` checkbox is ticked, or the message key of the refusal.
 */
export async function imageFromForm(formData: FormData, field: string, remove: string): Promise<FormImage> {
  if (formData.get(remove) === 'on') return { ok: true, url: null };
  const file = formData.get(field);
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
