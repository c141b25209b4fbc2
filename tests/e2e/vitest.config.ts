import { defineConfig } from "vitest/config";

/** Browser tests: the real server on a fresh data folder, driven through Debian's Chromium. */
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: "forks",
  },
});
