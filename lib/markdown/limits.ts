// Cheap checks run before Markdown is parsed, so that a text built to be slow is refused at once
// instead of at the end of the worker's time limit.

/** Quotes and lists nested deeper than this are refused; real posts stay well under ten. */
export const MAX_NESTING = 32;

export class NestingError extends Error {
  constructor() {
    super('markdown nested too deep');
  }
}

// A line's container prefix: quote markers and list markers, with the indentation between them.
const PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*/;

/** Throws NestingError when a line opens more than MAX_NESTING quotes or lists. */
export function assertNesting(markdown: string): void {
  let start = 0;
  while (start <= markdown.length) {
    const end = markdown.indexOf('\n', start);
    const line = markdown.slice(start, end === -1 ? undefined : end);
    const prefix = PREFIX.exec(line)?.[0] ?? '';
    // Each marker opens a container; indentation opens roughly one list level per two columns.
    const markers = prefix.match(/>|[-*+]|\d{1,9}[.)]/g)?.length ?? 0;
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    if (markers > MAX_NESTING || indent / 2 > MAX_NESTING * 2) throw new NestingError();
    if (end === -1) break;
    start = end + 1;
  }
}
