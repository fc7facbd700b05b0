import { randomBytes } from 'node:crypto';

/** Only names this module generates are ever read back: 32 hex characters and a known extension. */
export const UPLOAD_NAME = /^[a-f0-9]{32}\.(png|webp)$/;

export const CONTENT_TYPES = { png: 'image/png', webp: 'image/webp' } as const;

export function newUploadName(ext: 'png' | 'webp'): string {
  return `${randomBytes(16).toString('hex')}.${ext}`;
}

export function isUploadName(name: string): boolean {
  return UPLOAD_NAME.test(name);
}

/** The public path of a stored upload, as kept in the database. */
export function uploadUrl(name: string): string {
  return `/uploads/${name}`;
}
