import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource, ImportFileError, readSourceFile } from '@/lib/content/import/read-source';
import { guessLocale, localeOfFolder, normalizeLocale, slugFromFileName, slugify } from '@/lib/content/import/names';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('reading files as real repositories hand them over', () => {
  it('removes a byte-order mark and converts CRLF, saying so', () => {
    const out = decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('---\r\ntitle: x\r\n---\r\nbody\r\n')]));
    expect(out.text).toBe('---\ntitle: x\n---\nbody\n');
    expect(out.warnings).toEqual(['byte-order mark removed', 'Windows (CRLF) line endings converted to LF']);
  });

  it('refuses bytes that are not UTF-8, naming where they start', () => {
    const latin1 = new Uint8Array([...bytes('caf'), 0xe9, ...bytes(' au lait')]);
    expect(() => decodeSource(latin1)).toThrow(ImportFileError);
    expect(() => decodeSource(latin1)).toThrow(/not UTF-8 text \(first bad byte at offset 3\)/);
    expect(() => decodeSource(bytes('a\u0000b'))).toThrow(/NUL bytes/);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qiao-read-'));
    const file = path.join(dir, 'big.md');
    writeFileSync(file, 'x'.repeat(2 * 1024 * 1024 + 1));
    await expect(readSourceFile(file)).rejects.toThrow('file is 2.0 MB, over the 2.0 MB limit');
    writeFileSync(file, 'x'.repeat(2 * 1024 * 1024));
    await expect(readSourceFile(file)).resolves.toMatchObject({ warnings: [] });
  });
});

describe('slugs and languages', () => {
  it('keeps a file name as the slug, as the Hugging Face blog does, and derives one otherwise', () => {
    expect(slugFromFileName('Llama2-for-non-engineers.md')).toBe('Llama2-for-non-engineers');
    expect(slugFromFileName('000_39c9e7bbf1aa9472.txt')).toBe('000_39c9e7bbf1aa9472');
    expect(slugFromFileName('My First Post!.md')).toBe('my-first-post');
    expect(slugFromFileName('中文.md')).toBe('中文');
    expect(slugFromFileName('!!!.md')).toBeNull();
    expect(slugify('AI & Machine Learning')).toBe('ai-machine-learning');
  });

  it('reads language tags and folders, including Hugging Face’s cn/', () => {
    expect(normalizeLocale('zh-CN')).toBe('zh');
    expect(normalizeLocale('zh_Hans')).toBe('zh');
    expect(normalizeLocale('EN')).toBe('en');
    expect(normalizeLocale('Chinese')).toBeNull();
    expect(localeOfFolder('zh')).toBe('zh');
    expect(localeOfFolder('cn')).toBe('zh');
    expect(localeOfFolder('assets')).toBeNull();
  });

  it('guesses the language of a text from its script', () => {
    expect(guessLocale('Hugging Face 是一家人工智能公司，专注于自然语言处理（NLP）和机器学习领域。')).toBe('zh');
    expect(guessLocale('We are delighted to introduce the blog for Chinese speakers (中文).')).toBe('en');
  });
});
