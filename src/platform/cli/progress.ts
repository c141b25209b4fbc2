import cliProgress from "cli-progress";

/** A progress reporter for long CLI work: a bar on stderr when it is a terminal, silent otherwise. */
export interface ProgressReporter {
  update: (done: number, total: number, label: string) => void;
  stop: () => void;
}

/** Creates a progress bar on stderr (stdout carries only results). */
export function progressBar(): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: "{label} [{bar}] {value}/{total}",
      hideCursor: true,
      noTTYOutput: false,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (done, total, label) => {
      if (!process.stderr.isTTY) return;
      if (!started) {
        bar.start(total, done, { label });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { label });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
