import type { ModuleDependencies, ModuleManifest } from "./module";

/** Where job failures are reported. */
export type JobLogger = (message: string, error?: unknown) => void;

/**
 * Runs every module's jobs on their schedule (every `everyMinutes`), one run of a job at a time, logging
 * failures without stopping the schedule. Returns a stop function that waits for running jobs to finish.
 */
export function startJobs(modules: readonly ModuleManifest[], dependencies: ModuleDependencies, log: JobLogger): () => Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  for (const module of modules) {
    for (const job of module.jobs ?? []) {
      let busy = false;
      const tick = () => {
        if (busy) return;
        busy = true;
        const run = job
          .run(dependencies)
          .catch((error: unknown) => log(`job ${module.name}.${job.name} failed`, error))
          .finally(() => {
            busy = false;
            running.delete(run);
          });
        running.add(run);
      };
      timers.push(setInterval(tick, job.everyMinutes * 60_000));
    }
  }
  return async () => {
    for (const timer of timers) clearInterval(timer);
    await Promise.all([...running]);
  };
}
