// The web chat on the real server (createAppServer with the channel's routes), on 127.0.0.1 and a free port.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ChatSessions } from "../../../src/channels/chat-session.js";
import { webChatRoutes } from "../../../src/channels/web/mod.js";
import type { Lang } from "../../../src/i18n/mod.js";
import { createAppServer } from "../../../src/server/server.js";
import { MemoryStore, type SessionStore } from "../../../src/store/mod.js";
import { capturedLog, type CapturedLog } from "../../helpers/log.js";

export interface Harness {
  readonly url: string;
  readonly store: SessionStore;
  readonly log: CapturedLog;
  close(): Promise<void>;
}

export async function startWebServer(store: SessionStore = new MemoryStore(), defaultLang?: Lang): Promise<Harness> {
  const log = capturedLog();
  const sessions = new ChatSessions(store, { log: log.logger, defaultLang });
  const server: Server = createAppServer({ routes: webChatRoutes({ sessions, defaultLang }), log: log.logger, store });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    log,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
