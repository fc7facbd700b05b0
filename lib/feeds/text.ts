// What feed readers get from a summary or a title, which the site keeps as plain text: readers
// show an RSS description, and an Atom title or summary of type="html", as HTML. Text that is
// escaped on the page must be escaped in the feed too, or `<img src=x onerror=…>` in a summary is
// an element in every reader that shows it.

// Characters XML 1.0 cannot carry, even escaped: one of them makes the whole feed unreadable.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

// Text content, never an attribute: these three are all that can start markup or an entity, and
// quotes stay readable in the readers that show an RSS title as plain text.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Any string for an XML document, without the characters XML cannot hold. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Plain text as HTML: shown by a reader exactly as it was written, never as markup. */
export function htmlFromText(text: string): string {
  return xmlText(text).replace(/[&<>]/g, (c) => ENTITIES[c]!);
}
