import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Built from the repository root with `vite build --config web/vite.config.ts`; output goes to web/dist,
// which `npm start` serves with an SPA fallback. `npm run dev:web` proxies /api to the running server.
const webRoot = fileURLToPath(new URL(".", import.meta.url));
// Where the dev server sends /api; override with GONGZHI_API=http://localhost:3100 when the server runs elsewhere.
const apiTarget = process.env.GONGZHI_API ?? "http://localhost:3000";

export default defineConfig({
  root: webRoot,
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
    },
  },
});
