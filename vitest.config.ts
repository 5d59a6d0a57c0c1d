import { defineConfig } from 'vitest/config';

// Unit tests sit next to the code they test (x.ts / x.test.ts) in every layer; end-to-end tests
// live in tests/e2e and run under Playwright, not here.
export default defineConfig({
  test: {
    root: '.',
    include: ['{geo,electron,renderer,data}/**/*.test.{ts,tsx}', 'tests/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/e2e/**'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
