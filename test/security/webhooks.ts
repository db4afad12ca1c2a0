// The security tests' WeChat webhooks: each one closed after its test, and a file store that outlives
// a restart (the replay tests send a captured request to a second server on the same file).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach } from "vitest";
import { LowdbStore, MemoryStore, type SessionStore } from "../../src/store/mod.js";
import { startWebhook, type Harness, type HarnessOptions } from "../channels/wechat/harness.js";

export function webhooks(options: Omit<HarnessOptions, "store"> = {}) {
  let open: Harness[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const h of open) await h.close();
    open = [];
  });
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  return {
    async start(store: SessionStore = new MemoryStore()): Promise<Harness> {
      const h = await startWebhook({ ...options, store });
      open.push(h);
      return h;
    },
    /** Stops one server, as a restart does. */
    async stop(h: Harness): Promise<void> {
      open = open.filter((o) => o !== h);
      await h.close();
    },
    /** A fresh directory; each call of the function returned opens a file store on it. */
    async fileStore(prefix: string): Promise<() => Promise<SessionStore>> {
      const dir = await mkdtemp(join(tmpdir(), prefix));
      dirs.push(dir);
      return () => LowdbStore.open({ dir });
    },
  };
}
