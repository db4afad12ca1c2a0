// A session store kept in one JSON file, for a single instance that must survive restarts without Redis.
// All sessions live in memory; every change rewrites the whole file atomically (see atomic-write.ts).
// Overlapping writes are coalesced: while one write runs, later changes wait and go out together in the next,
// so 200 concurrent `set`s cost a couple of file writes, not 200, and none is lost.
// One process per file: two processes sharing a file would overwrite each other's sessions.
import { mkdir, readFile, rename } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { removeStaleTempFiles, writeFileAtomic } from "./atomic-write.js";
import { ExpiringMap } from "./expiring-map.js";
import type { SessionStore, SessionStoreOptions, StoredSession } from "./session-store.js";

export interface FileStoreOptions extends SessionStoreOptions {
  /** Directory for the file, created (mode 0700) if missing. Default `.state/` under the working directory. */
  readonly dir?: string;
  /** Default `sessions.json`. */
  readonly fileName?: string;
  /** Where the store reports trouble, one line at a time, never with session content. Default `console.warn`. */
  readonly log?: (line: string) => void;
}

const FORMAT_VERSION = 1;

export class FileStore implements SessionStore {
  private readonly sessions: ExpiringMap;
  private readonly log: (line: string) => void;
  /** Settles when every write started so far has finished. */
  private tail: Promise<void> = Promise.resolve();
  /** The write that has not started yet; changes made now will be in it. */
  private queued: Promise<void> | undefined;
  private closed = false;

  private constructor(readonly path: string, options: FileStoreOptions) {
    this.sessions = new ExpiringMap(options);
    this.log = options.log ?? ((line) => console.warn(line));
  }

  /** Opens (or creates) the store; a corrupt file is moved aside and the store starts empty. */
  static async open(options: FileStoreOptions = {}): Promise<FileStore> {
    const dir = resolve(options.dir ?? join(process.cwd(), ".state"));
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const store = new FileStore(join(dir, options.fileName ?? "sessions.json"), options);
    await removeStaleTempFiles(store.path);
    await store.load();
    return store;
  }

  async get(key: string): Promise<StoredSession | undefined> {
    this.assertOpen();
    const { session, expired } = this.sessions.get(key);
    // Purging on access: the caller is not kept waiting for the disk, but the write is queued like any other.
    if (expired) this.flush().catch((err: Error) => this.log(`file-store: could not persist an expiry: ${err.message}`));
    return session;
  }

  async set(key: string, state: unknown): Promise<void> {
    this.assertOpen();
    this.sessions.set(key, state);
    await this.flush();
  }

  async delete(key: string): Promise<void> {
    this.assertOpen();
    this.sessions.delete(key);
    // Always write, even if the key was unknown here: an earlier failed write may have left it on disk.
    await this.flush();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.tail;
  }

  private flush(): Promise<void> {
    if (this.queued) return this.queued;
    const run = this.tail.then(() => {
      // From here on, new changes need a new write: this one takes its snapshot synchronously below.
      this.queued = undefined;
      return writeFileAtomic(this.path, this.serialise());
    });
    this.queued = run;
    // A failed write is reported to its callers but must not block the writes after it.
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Builds the file from the JSON text already held per session, so states are not re-serialised. */
  private serialise(): string {
    const parts: string[] = [];
    for (const [key, entry] of this.sessions.rawEntries()) {
      parts.push(`${JSON.stringify(key)}:{"updatedAt":${entry.updatedAt},"state":${entry.json}}`);
    }
    return `{"version":${FORMAT_VERSION},"sessions":{${parts.join(",")}}}\n`;
  }

  private async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
      throw err;
    }
    const sessions = parseFile(text);
    if (!sessions) return this.moveAside();
    for (const [key, { state, updatedAt }] of sessions) this.sessions.restore(key, JSON.stringify(state), updatedAt);
  }

  private async moveAside(): Promise<void> {
    // Keep the bytes for a human to look at rather than deleting what may be users' data; the log line names
    // the file only, because its content is personal.
    const stamp = new Date(this.sessions.now()).toISOString().replace(/[:.]/g, "-");
    const aside = `${this.path}.corrupt-${stamp}`;
    await rename(this.path, aside);
    this.log(`file-store: ${basename(this.path)} was not a valid session file; moved it to ${basename(aside)} and started empty`);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error("session store is closed");
  }
}

type FileEntry = { state: unknown; updatedAt: number };

/** The sessions in a file's text, or undefined when it is not JSON or not in our format. */
function parseFile(text: string): [string, FileEntry][] | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(data) || data.version !== FORMAT_VERSION || !isObject(data.sessions)) return undefined;
  const entries = Object.entries(data.sessions);
  const valid = entries.every(([, e]) => isObject(e) && Number.isFinite(e.updatedAt) && "state" in e && e.state !== undefined);
  return valid ? (entries as [string, FileEntry][]) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
