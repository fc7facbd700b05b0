import { renderMarkdown, stripLeadingTitle } from '@/lib/markdown/render';
import { plainTextFromMarkdown, readingMinutesOfText } from '@/lib/markdown/reading-time';
import { segmentForSearch } from '@/lib/search/segment';
import { splitBlocks } from '@/lib/markdown/blocks';

const SUMMARY_LENGTH = 180;

export type PreparedLocalization = {
  title: string;
  summary: string;
  body: string;
  html: string;
  toc: { depth: number; id: string; text: string }[];
  readingMinutes: number;
  searchTitle: string;
  searchText: string;
};

function firstParagraph(text: string): string {
  const para = text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).find((p) => p.length > 0) ?? '';
  const chars = Array.from(para);
  return chars.length <= SUMMARY_LENGTH ? para : `${chars.slice(0, SUMMARY_LENGTH - 1).join('').trimEnd()}…`;
}

/**
 * Everything the public site needs from one language version, computed once when it is saved:
 * rendering and sanitizing per request would cost tens of milliseconds a page.
 */
export function prepareLocalization(input: { title: string; summary?: string | null; body: string }): PreparedLocalization {
  const body = input.body.replace(/\r\n?/g, '\n');
  const shown = stripLeadingTitle(body, input.title);
  const { html, toc } = renderMarkdown(shown);
  const text = plainTextFromMarkdown(shown);
  return {
    title: input.title.trim(),
    summary: input.summary?.trim() || firstParagraph(text),
    body,
    html,
    toc,
    readingMinutes: readingMinutesOfText(text),
    searchTitle: segmentForSearch(input.title),
    searchText: segmentForSearch(text),
  };
}

export function sourceBlockHashes(body: string): string[] {
  return splitBlocks(body).map((b) => b.hash);
}
