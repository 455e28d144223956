import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Prints which suites were skipped for lack of Chromium or Tomcat's EL, and what to install.
    globalSetup: ['test/setup/skips.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
