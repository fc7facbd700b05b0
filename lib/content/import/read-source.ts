import { open } from 'node:fs/promises';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** A file that cannot be imported; the message is the report's "why". */
export class ImportFileError extends Error {}

export type SourceText = { text: string; warnings: string[] };

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Reads one text file the way real repositories hand them over: a byte-order mark or Windows
 * line endings are repaired and reported; a file that is too large, or not UTF-8 at all, is
 * refused before it is parsed (the size is checked before reading, so a stray data file never
 * fills memory).
 */
export async function readSourceFile(file: string, maxBytes = MAX_FILE_BYTES): Promise<SourceText> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) {
      throw new ImportFileError(`file is ${formatMegabytes(size)}, over the ${formatMegabytes(maxBytes)} limit`);
    }
    const bytes = await handle.readFile();
    return decodeSource(bytes);
  } finally {
    await handle.close();
  }
}

export function decodeSource(bytes: Uint8Array): SourceText {
  const warnings: string[] = [];
  let start = 0;
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) {
    start = UTF8_BOM.length;
    warnings.push('byte-order mark removed');
  }
  let text: string;
  try {
    text = decoder.decode(bytes.subarray(start));
  } catch {
    throw new ImportFileError(`not UTF-8 text (first bad byte at offset ${start + firstInvalidUtf8(bytes.subarray(start))}); save it as UTF-8`);
  }
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    warnings.push('Windows (CRLF) line endings converted to LF');
  }
  if (text.includes('\u0000')) throw new ImportFileError('contains NUL bytes: a binary file, not Markdown');
  return { text, warnings };
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k += 1) {
      if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return i;
}
