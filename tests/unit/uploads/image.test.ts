import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';
import { MAX_UPLOAD_BYTES, processImage, UploadError } from '@/lib/uploads/image';
import { isUploadName, newUploadName } from '@/lib/uploads/names';

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await processImage(bytes);
  } catch (error) {
    if (error instanceof UploadError) return error.code;
    throw error;
  }
  throw new Error('accepted');
}

const red = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } });
/** Rewrites a PNG's IHDR to claim another size (with a valid CRC), as a bomb's header does. */
async function declareSize(png: Buffer, width: number, height: number): Promise<Buffer> {
  const out = Buffer.from(png);
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
  return out;
}
const withExif = (img: Sharp) => img.withMetadata({ exif: { IFD0: { Copyright: 'secret-owner', ImageDescription: 'gps-here' } } });

describe('processImage refuses', () => {
  it('a 20 MB buffer before decoding it', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024, 0);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(big.byteLength).toBeGreaterThan(MAX_UPLOAD_BYTES);
    expect(await refusal(big)).toBe('tooLarge');
  });

  it('a PNG signature followed by HTML', async () => {
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('<html><script>alert(1)</script></html>')]);
    expect(await refusal(bytes)).toBe('invalidImage');
  });

  it('an HTML file whatever its name (names are never looked at)', async () => {
    expect(await refusal(Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>'))).toBe('unsupportedType');
  });

  it('an SVG with a script', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>';
    expect(await refusal(Buffer.from(svg))).toBe('unsupportedType');
  });

  it('a GIF, a valid image of a type not allowed', async () => {
    const gif = await red().gif().toBuffer();
    expect(await refusal(gif)).toBe('unsupportedType');
  });

  it('a decompression bomb: a tiny PNG declaring 20000×20000 pixels', async () => {
    const bomb = await declareSize(await red().png().toBuffer(), 20000, 20000);
    expect(bomb.byteLength).toBeLessThan(1024);
    expect(await refusal(bomb)).toBe('tooManyPixels');
  });

  it('an empty file', async () => {
    expect(await refusal(new Uint8Array())).toBe('empty');
  });
});

describe('processImage accepts and re-encodes', () => {
  for (const [format, encode, out] of [
    ['PNG', (s: Sharp) => s.png(), 'png'],
    ['JPEG', (s: Sharp) => s.jpeg(), 'webp'],
    ['WebP', (s: Sharp) => s.webp(), 'webp'],
  ] as const) {
    it(`a valid ${format}, without its metadata`, async () => {
      const input = await encode(withExif(red())).toBuffer();
      expect((await sharp(input).metadata()).exif).toBeDefined();
      const result = await processImage(input);
      expect(result.ext).toBe(out);
      expect(result.contentType).toBe(`image/${out}`);
      const meta = await sharp(result.data).metadata();
      expect(meta.format).toBe(out);
      expect([meta.width, meta.height]).toEqual([8, 8]);
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(result.data.includes('secret-owner')).toBe(false);
    });
  }

  it('drops HTML appended after a real PNG', async () => {
    const png = await red().png().toBuffer();
    const polyglot = Buffer.concat([png, Buffer.from('<script>alert(1)</script>')]);
    const result = await processImage(polyglot);
    expect(result.data.includes('<script>')).toBe(false);
  });
});

describe('upload names', () => {
  it('are random and only generated names are accepted', () => {
    const name = newUploadName('png');
    expect(isUploadName(name)).toBe(true);
    expect(newUploadName('png')).not.toBe(name);
    for (const bad of ['../etc/passwd', '..%2f.env', `${name.slice(0, -4)}.svg`, `${name}/x`, 'a.png', `../${name}`, `${name}\0`]) {
      expect(isUploadName(bad)).toBe(false);
    }
  });
});
