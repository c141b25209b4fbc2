import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests of the web app: plain TypeScript (API client, form helpers) in node, and components in *.test.tsx
// files that ask for a DOM with `// @vitest-environment happy-dom`. Run with `npx vitest run --config web/vitest.config.ts`.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    environment: "node",
    // The print button fills an about:blank frame; happy-dom only creates one when frames may load (nothing is fetched).
    environmentOptions: { happyDOM: { settings: { enableIframePageLoading: true } } },
  },
});
