// Replacing a file so that a crash at any instant leaves either the old content or the new, never a mix:
// write a temp file beside the target, fsync it, rename it over the target, then fsync the directory.
// rename(2) within one directory is atomic on POSIX; the fsyncs make it survive power loss, not just kill -9.
import { open, readdir, rename, unlink } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";

// Temp files are `.<name>.<pid>-<run>.<n>.tmp`, so a later process can tell whose they were.
// The random run id matters in containers, where every start may get the same pid (often 1).
const RUN = randomBytes(4).toString("hex");
let counter = 0;

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${RUN}.${counter++}.tmp`);
}

export async function writeFileAtomic(path: string, data: string, mode = 0o600): Promise<void> {
  const temp = tempPathFor(path);
  let renamed = false;
  try {
    // "wx": never follow or reuse an existing file at the temp path.
    const handle = await open(temp, "wx", mode);
    try {
      await handle.writeFile(data, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    renamed = true;
    await syncDirectory(dirname(path));
  } finally {
    if (!renamed) await unlink(temp).catch(() => undefined);
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Persists the rename itself. Some platforms (Windows) cannot open a directory; the rename is still atomic there.
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort by design.
  }
}

/**
 * Removes temp files that a killed process left behind for `path`.
 * Only files of processes that no longer exist are removed, so a live writer's temp file is never pulled away.
 */
export async function removeStaleTempFiles(path: string): Promise<number> {
  const prefix = `.${basename(path)}.`;
  let removed = 0;
  for (const name of await readdir(dirname(path))) {
    const match = name.startsWith(prefix) && /^(\d+)-([0-9a-f]+)\.\d+\.tmp$/.exec(name.slice(prefix.length));
    if (!match || isAlive(Number(match[1]), match[2]!)) continue;
    await unlink(join(dirname(path), name)).catch(() => undefined);
    removed++;
  }
  return removed;
}

function isAlive(pid: number, run: string): boolean {
  if (pid === process.pid) return run === RUN; // same pid, other run id: an earlier incarnation of this container
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM means it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
