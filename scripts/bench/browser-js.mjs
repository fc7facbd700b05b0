// The JavaScript a page makes a real browser download, against the floor every Next.js page
// pays whatever the app does: the framework's root main files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { root } from '../lib/database.mjs';

// Every size is gzip at level 9 computed here, so that the page and the floor are measured alike
// whether or not, and however strongly, the server compressed a response.
const gzipSize = (buffer) => gzipSync(buffer, { level: 9 }).length;

function framework(distDir) {
  const manifest = JSON.parse(readFileSync(path.join(root, distDir, 'build-manifest.json'), 'utf8'));
  const size = (file) => gzipSize(readFileSync(path.join(root, distDir, file)));
  return {
    rootMainFiles: manifest.rootMainFiles.map((file) => ({ file, gzip: size(file) })),
    polyfillFiles: manifest.polyfillFiles.map((file) => ({ file, gzip: size(file) })),
  };
}

/** `cookies` (Playwright's shape) sign the browser in, for pages behind a session. */
export async function measurePageJs(url, { distDir, cookies = [] }) {
  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext();
    await context.addCookies(cookies);
    const page = await context.newPage();
    const responses = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') responses.push(response);
    });
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    // A redirect to the sign-in page would measure the wrong page.
    if (!response?.ok() || new URL(page.url()).pathname !== new URL(url).pathname)
      throw new Error(`${url} answered ${response?.status()} at ${page.url()}`);
    const scripts = [];
    for (const response of responses) {
      const body = await response.body();
      scripts.push({
        path: new URL(response.url()).pathname,
        status: response.status(),
        encoding: response.headers()['content-encoding'] ?? null,
        bytes: body.length,
        gzip: gzipSize(body),
      });
    }
    const { rootMainFiles, polyfillFiles } = framework(distDir);
    const loaded = new Set(scripts.map((s) => s.path));
    const isLoaded = ({ file }) => loaded.has(`/_next/${file}`);
    // Polyfills are `nomodule` scripts, which current browsers skip: they count only if fetched.
    const floorFiles = [...rootMainFiles, ...polyfillFiles.filter(isLoaded)];
    const floorPaths = new Set(floorFiles.map(({ file }) => `/_next/${file}`));
    const total = scripts.reduce((sum, s) => sum + s.gzip, 0);
    const floor = floorFiles.reduce((sum, f) => sum + f.gzip, 0);
    return {
      url,
      total,
      floor,
      aboveFloor: total - floor,
      scripts: scripts.map((s) => ({ ...s, floor: floorPaths.has(s.path) })),
      rootMainFiles: rootMainFiles.map((f) => ({ ...f, loaded: isLoaded(f) })),
      polyfillFiles: polyfillFiles.map((f) => ({ ...f, loaded: isLoaded(f) })),
    };
  } finally {
    await browser.close();
  }
}
