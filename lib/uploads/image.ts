import sharp, { type Metadata } from 'sharp';

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
export const MAX_PIXELS = 40_000_000;

export type UploadErrorCode = 'tooLarge' | 'empty' | 'unsupportedType' | 'tooManyPixels' | 'invalidImage';

export class UploadError extends Error {
  constructor(readonly code: UploadErrorCode) {
    super(code);
  }
}

export type ProcessedImage = { data: Buffer; ext: 'webp' | 'png'; contentType: 'image/webp' | 'image/png'; width: number; height: number };

function isPixelLimit(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message);
}

type Sniffed = 'png' | 'jpeg' | 'webp';

/** The type by its first bytes only: names and declared types are the uploader's to forge. */
export function sniffImageType(bytes: Uint8Array): Sniffed | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return null;
}

/**
 * Checks an uploaded image and re-encodes it, dropping every byte the uploader chose beyond the
 * pixels (metadata, trailing HTML, polyglot tricks). PNG stays lossless PNG; JPEG/WebP become WebP.
 */
export async function processImage(bytes: Uint8Array): Promise<ProcessedImage> {
  // Size first, before any decoder sees the data.
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new UploadError('tooLarge');
  if (bytes.byteLength === 0) throw new UploadError('empty');
  const sniffed = sniffImageType(bytes);
  if (!sniffed) throw new UploadError('unsupportedType');

  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const options = { limitInputPixels: MAX_PIXELS, failOn: 'error' as const };
  let meta: Metadata;
  try {
    meta = await sharp(input, options).metadata();
  } catch (error) {
    throw new UploadError(isPixelLimit(error) ? 'tooManyPixels' : 'invalidImage');
  }
  if (meta.format !== sniffed) throw new UploadError('unsupportedType');
  if (!meta.width || !meta.height) throw new UploadError('invalidImage');
  if (meta.width * meta.height > MAX_PIXELS) throw new UploadError('tooManyPixels');

  try {
    // sharp writes no metadata unless asked (withMetadata); rotate() bakes EXIF orientation in first.
    const pipeline = sharp(input, options).rotate();
    const out = sniffed === 'png' ? pipeline.png({ compressionLevel: 9 }) : pipeline.webp({ quality: 90 });
    const { data, info } = await out.toBuffer({ resolveWithObject: true });
    return sniffed === 'png'
      ? { data, ext: 'png', contentType: 'image/png', width: info.width, height: info.height }
      : { data, ext: 'webp', contentType: 'image/webp', width: info.width, height: info.height };
  } catch (error) {
    throw new UploadError(isPixelLimit(error) ? 'tooManyPixels' : 'invalidImage');
  }
}
