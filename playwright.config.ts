import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive Debian's Chromium (`apt-get install chromium`) through Playwright;
 * Playwright's own browser download cannot work offline. CHROMIUM_PATH overrides the location.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      // No component updates, sync or background fetches: the machine has no network, and the
      // offline test must see only the app's own requests.
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
