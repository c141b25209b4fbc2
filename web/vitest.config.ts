import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests of the web app's plain TypeScript (API client, form helpers): `npx vitest run --config web/vitest.config.ts`.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
