// lowdb's storage adapter for the session file, keeping the guarantees lowdb's own JSONFile does not give:
// the file is replaced atomically with fsyncs (atomic-write.ts) and mode 0600; a file that does not read
// is moved aside (kept `keepCorruptDays` for a human to look at, then deleted) and the store starts empty;
// temp files of dead processes are removed; a missing state directory is made again.
import { mkdir, readdir, readFile, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Adapter } from "lowdb";
import type { Logger } from "../log/mod.js";
import { removeStaleTempFiles, writeFileAtomic } from "./atomic-write.js";
import type { SessionStoreOptions } from "./session-store.js";
import { SessionTable, type Entry } from "./session-table.js";

const FORMAT_VERSION = 2;
const DAY_MS = 24 * 60 * 60 * 1000;

export class SessionFileAdapter implements Adapter<SessionTable> {
  constructor(
    readonly path: string,
    private readonly options: SessionStoreOptions,
    private readonly log: Logger,
    private readonly keepCorruptDays: number,
  ) {}

  async read(): Promise<SessionTable | null> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    await removeStaleTempFiles(this.path);
    await this.removeOldCorruptCopies();
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
    const table = new SessionTable(this.options);
    if (!fill(table, text)) {
      await this.moveAside();
      return null;
    }
    return table;
  }

  async write(table: SessionTable): Promise<void> {
    const text = serialise(table);
    try {
      await writeFileAtomic(this.path, text);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      // Someone removed the state directory under a running server: make it again and write once more.
      await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
      await writeFileAtomic(this.path, text);
    }
  }

  /** Copies of corrupt files hold users' answers: they are deleted after `keepCorruptDays`. */
  async removeOldCorruptCopies(): Promise<number> {
    const prefix = `${basename(this.path)}.corrupt-`;
    const dir = dirname(this.path);
    let removed = 0;
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (!name.startsWith(prefix)) continue;
      const path = join(dir, name);
      const age = (this.options.now ?? Date.now)() - (await stat(path)).mtimeMs;
      if (age < this.keepCorruptDays * DAY_MS) continue;
      await unlink(path).catch(() => undefined);
      removed++;
    }
    return removed;
  }

  private async moveAside(): Promise<void> {
    const stamp = new Date((this.options.now ?? Date.now)()).toISOString().replace(/[:.]/g, "-");
    const aside = `${this.path}.corrupt-${stamp}`;
    await rename(this.path, aside);
    this.log.error({ event: "store.corrupt-file", file: basename(this.path), movedTo: basename(aside), keptDays: this.keepCorruptDays }, "session file did not read; moved aside, starting empty");
  }
}

/** The file's text, built from the JSON text already held per session, so states are not serialised again. */
function serialise(table: SessionTable): string {
  const sessions: string[] = [];
  for (const [key, e] of table.sessions) {
    sessions.push(`${JSON.stringify(key)}:{"updatedAt":${e.updatedAt},"version":${e.version},"expiresAt":${e.expiresAt},"state":${e.json}}`);
  }
  const claims: string[] = [];
  for (const [id, until] of table.claims) claims.push(`${JSON.stringify(id)}:${until}`);
  return `{"version":${FORMAT_VERSION},"sessions":{${sessions.join(",")}},"claims":{${claims.join(",")}}}\n`;
}

/** Loads the file's text into `table`; false when it is not JSON or not in a format we wrote. */
function fill(table: SessionTable, text: string): boolean {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return false;
  }
  if (!isObject(data) || !isObject(data.sessions)) return false;
  if (data.version === 1) return fillVersion1(table, data.sessions);
  if (data.version !== FORMAT_VERSION || !isObject(data.claims)) return false;
  const entries = Object.entries(data.sessions);
  const valid = entries.every(([, e]) => isObject(e) && [e.updatedAt, e.version, e.expiresAt].every(Number.isFinite) && e.state !== undefined);
  if (!valid || !Object.values(data.claims).every(Number.isFinite)) return false;
  for (const [key, e] of entries as [string, Record<string, unknown>][]) {
    table.restore(key, { json: JSON.stringify(e.state), updatedAt: e.updatedAt as number, version: e.version as number, expiresAt: e.expiresAt as number } satisfies Entry);
  }
  for (const [id, until] of Object.entries(data.claims)) table.restoreClaim(id, until as number);
  return true;
}

/** The first format (before lowdb): sessions with `state` and `updatedAt` only. */
function fillVersion1(table: SessionTable, sessions: Record<string, unknown>): boolean {
  const entries = Object.entries(sessions);
  if (!entries.every(([, e]) => isObject(e) && Number.isFinite(e.updatedAt) && e.state !== undefined)) return false;
  for (const [key, e] of entries as [string, { state: unknown; updatedAt: number }][]) {
    table.restore(key, { json: JSON.stringify(e.state), updatedAt: e.updatedAt, version: 1, expiresAt: e.updatedAt + table.ttlMs });
  }
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
