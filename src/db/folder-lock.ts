import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The lock file a process holds while it has a PGlite data folder open. */
export const lockFileName = "gongzhi.lock";

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the lock of a PGlite data folder (PGlite is single-process: two processes on one folder corrupt it).
 * A lock left by a process that no longer runs is taken over. Returns the release function, or throws a
 * clear error naming the process that holds the folder.
 */
export function lockDataFolder(folder: string): () => void {
  const path = join(folder, lockFileName);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, String(process.pid), { flag: "wx" });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(path, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processAlive(holder)) {
        throw new Error(
          `the data folder ${folder} is in use by process ${holder} (a running server?): stop it first, or use the API (PGlite allows one process per folder)`,
          { cause: error },
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not lock the data folder ${folder}`);
}
