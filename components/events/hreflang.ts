import type { Locale } from '@/lib/i18n/routing';

// lib/site.ts has the same map but is server-only; client components need it too.
export const HREFLANG_OF: Record<Locale, string> = { en: 'en', zh: 'zh-CN' };
