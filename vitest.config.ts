import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts", "bench/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**", "web/**"],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
