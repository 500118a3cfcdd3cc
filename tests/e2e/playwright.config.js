// The browser suite: the release build in dist/, served on 127.0.0.1, driven in Debian's
// Chromium (never a downloaded browser). Run from the repository root by scripts/test.sh:
//   npx playwright test --config tests/e2e/playwright.config.js
// Each test gets a fresh browser context, so it starts with empty local storage and no
// service worker: the first start of a new tablet.
import { defineConfig } from '@playwright/test';
import { CHROMIUM } from './chromium.js';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
// 4173 unless E2E_PORT says otherwise (two runs at once on one machine).
const port = Number(process.env.E2E_PORT) || 4173;

export default defineConfig({
  testDir: here,
  testMatch: '*.spec.js',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  outputDir: path.join(root, port === 4173 ? 'target/e2e-results' : `target/e2e-results-${port}`),
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    headless: true,
    // A 10-inch Android tablet held upright, set to Vietnamese, in Vietnam's time zone:
    // the village head's device.
    viewport: { width: 800, height: 1280 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
    serviceWorkers: 'allow',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM,
  },
  webServer: {
    command: `python3 -m http.server ${port} --bind 127.0.0.1 --directory dist`,
    cwd: root,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'ignore',
    timeout: 30_000,
  },
});
