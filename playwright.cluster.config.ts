import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The cluster tests: scripts/test.mjs starts two instances, Redis and nginx (scripts/lib/cluster.mjs)
// and passes their addresses. One worker: the tests stop and start shared parts.
export default defineConfig({
  ...base,
  testDir: 'tests/cluster',
  fullyParallel: false,
  workers: 1,
  use: { ...base.use, baseURL: process.env.CLUSTER_URL },
});
