import { defineConfig } from "vitest/config";

/** Browser tests: the real server on a fresh data folder, driven through Debian's Chromium. */
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: "forks",
    globalSetup: ["tests/e2e/global-setup.ts"],
    // A page under a loaded CI machine can take seconds to show its data: vitest's default of 1 s for
    // expect.poll made the browser tests flaky there.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
