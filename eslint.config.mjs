import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Only the data-access layer talks to the database (house style, rule 1).
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@/lib/db', message: 'Import data through lib/dal/*.' },
            { name: 'next/link', message: 'Use Link from @/lib/i18n/navigation, which keeps the locale.' },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/dal/**', 'prisma/**', 'tests/**', 'scripts/**', 'app/not-found.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
  globalIgnores(['.next/**', '.next-*/**', 'node_modules/**', 'lib/generated/**', '.data/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**']),
]);
