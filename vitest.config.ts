import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The browser tests poll the page; on a busy 2-core CI machine a server round trip plus a
    // re-render can take well over the 1 s default.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
