import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts", "bench/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**", "web/**"],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: one on CI's two. Much of a test file's time is its
    // start (imports, the template database) and its child processes, so two files side by side on two cores
    // took the PGlite suite from 883 s to 615 s (README, "Quick start").
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ["tests/helpers/global-setup.ts"],
    // A fixed audit key for tests (never a real one), and no anchor file unless a test names one.
    env: {
      GONGZHI_AUDIT_KEY: "7e57".repeat(16),
      GONGZHI_AUDIT_ANCHORS: "off",
    },
  },
});
