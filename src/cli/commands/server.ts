import type { Command } from "commander";

/** Registers `serve`: the API, the web app and background work in one process (what `npm start` runs). */
export function registerServerCommands(program: Command): void {
  program
    .command("serve")
    .description("start the API and web app on http://localhost:3000 (PORT, HOST, DATABASE_URL, GONGZHI_DATA)")
    .option("--port <port>", "port to listen on (default: PORT or 3000)")
    .option("--no-demo", "do not load demo data into an empty database")
    .action(async (options: { port?: string; demo: boolean }) => {
      const { serveOptionsFromEnvironment, startServer } = await import("../../http/server");
      const serve = serveOptionsFromEnvironment({ ...process.env, ...(options.port ? { PORT: options.port } : {}) });
      await startServer({ ...serve, loadDemoWhenEmpty: serve.loadDemoWhenEmpty && options.demo });
    });
}
