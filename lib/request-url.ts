// Runs in the proxy and in route handlers: no Next, no Prisma.

/**
 * True for an address no page can answer: a path whose percent-escapes do not decode (`/en/%ZZ`,
 * a bare `%`), or a path or query holding a NUL (`%00`), which PostgreSQL text cannot store or
 * compare. Such a request is the client's mistake and gets a 400; without this check Next answers
 * a malformed path with a 500 (vercel/next.js#94278) and a NUL reaches the database as one.
 * A path is decoded twice on its way to a page's params (the locale routing's rewrite, then Next),
 * so `%2500` in a path is a NUL too, and `%25ZZ` malformed.
 */
export function isUnreadableUrl(url: URL): boolean {
  if (/%(?:25)*00/i.test(url.pathname) || /%00/i.test(url.search)) return true;
  try {
    // Twice, as on the way to the params: `%25c0%25af` decodes once, then fails (a 500 in Next).
    decodeURIComponent(decodeURIComponent(url.pathname));
    return false;
  } catch {
    return true;
  }
}
