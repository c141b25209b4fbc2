// Builds the web app after `npm install` so that `npm start` serves it at once.
// Skipped when the web sources are absent (a partial checkout) or GONGZHI_SKIP_WEB_BUILD=1.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

if (process.env.GONGZHI_SKIP_WEB_BUILD === "1" || !existsSync("web/vite.config.ts")) process.exit(0);
const result = spawnSync("npx", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
