import 'server-only';
import { z } from 'zod';

// An empty value (`KEY=` in a copied .env.example) means unset.
const optional = <T extends z.ZodType>(inner: T) => z.preprocess((v) => (v === '' ? undefined : v), inner.optional());

const schema = z.object({
  DATABASE_URL: z.string().url(),
  // Absolute origin used in feeds, sitemaps, canonical and OpenGraph URLs.
  SITE_URL: z.string().url().default('http://localhost:3000'),
  // Signs session tokens. `npm start` generates one into .data/auth-secret when unset.
  NEXTAUTH_SECRET: optional(z.string().min(16)),
  // The site's origin as next-auth sees it; defaults to SITE_URL. https turns on Secure cookies.
  NEXTAUTH_URL: optional(z.string().url()),
  // OAuth sign-in, each offered only when both of its values are set.
  GITHUB_ID: optional(z.string()),
  GITHUB_SECRET: optional(z.string()),
  HF_CLIENT_ID: optional(z.string()),
  HF_CLIENT_SECRET: optional(z.string()),
  // Outgoing mail (password resets), e.g. smtp://user:pass@mail.example.org:587.
  SMTP_URL: optional(z.string().url()),
  MAIL_FROM: z.string().min(3).default('Qiao <no-reply@localhost>'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  QIAO_QUERY_LOG: z.enum(['0', '1']).default('0'),
  // Where uploaded images (channel QR codes) are kept, relative to the working directory.
  UPLOADS_DIR: z.string().min(1).default('.data/uploads'),
  // Proxies whose X-Forwarded-For is believed: addresses, CIDR ranges, `loopback` (lib/trusted-proxies.mjs).
  TRUSTED_PROXIES: z.string().default(''),
  // Markdown from users is parsed on worker threads (lib/markdown/pool.ts): how many, and how long
  // one text may take before it is refused as too complex.
  MARKDOWN_THREADS: z.coerce.number().int().min(1).max(16).optional(),
  MARKDOWN_TIME_LIMIT_MS: z.coerce.number().int().min(100).max(120_000).default(4000),
});

export const env = schema.parse(process.env);
