import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts", "bench/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**", "web/**"],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: "forks",
    globalSetup: ["tests/helpers/global-setup.ts"],
    // A fixed audit key for tests (never a real one), and no anchor file unless a test names one.
    env: {
      GONGZHI_AUDIT_KEY: "7e57".repeat(16),
      GONGZHI_AUDIT_ANCHORS: "off",
    },
  },
});
