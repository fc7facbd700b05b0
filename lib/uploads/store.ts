import 'server-only';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/lib/env';
import { processImage } from '@/lib/uploads/image';
import { CONTENT_TYPES, isUploadName, newUploadName, uploadUrl } from '@/lib/uploads/names';

function uploadsDir(): string {
  // Configured at run time, not a project folder: keep the bundler from tracing it.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.UPLOADS_DIR);
}

/** Validates, re-encodes and stores an image; returns its public URL. Throws UploadError. */
export async function storeImage(bytes: Uint8Array): Promise<string> {
  const image = await processImage(bytes);
  const name = newUploadName(image.ext);
  await mkdir(uploadsDir(), { recursive: true });
  await writeFile(path.join(uploadsDir(), name), image.data, { flag: 'wx' });
  return uploadUrl(name);
}

/** A stored upload by its generated name, or null (unknown or malformed names included). */
export async function readImage(name: string): Promise<{ data: Buffer; contentType: string } | null> {
  if (!isUploadName(name)) return null;
  const ext = name.slice(name.lastIndexOf('.') + 1) as keyof typeof CONTENT_TYPES;
  try {
    return { data: await readFile(path.join(uploadsDir(), name)), contentType: CONTENT_TYPES[ext] };
  } catch {
    return null;
  }
}
