import 'server-only';
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z.string().url(),
  // Absolute origin used in feeds, sitemaps, canonical and OpenGraph URLs.
  SITE_URL: z.string().url().default('http://localhost:3000'),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  QIAO_QUERY_LOG: z.enum(['0', '1']).default('0'),
});

export const env = schema.parse(process.env);
