// A web chat server on 127.0.0.1 with a random port, the way a shared server would mount the handler.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ChatSessions } from "../../../src/channels/chat-session.js";
import { createWebChat } from "../../../src/channels/web/mod.js";
import { send } from "../../../src/server/http.js";
import { MemoryStore, type SessionStore } from "../../../src/store/mod.js";

export interface Harness {
  readonly url: string;
  readonly store: SessionStore;
  readonly logs: string[];
  close(): Promise<void>;
}

export async function startWebServer(store: SessionStore = new MemoryStore()): Promise<Harness> {
  const logs: string[] = [];
  const web = createWebChat({ sessions: new ChatSessions(store), log: (line) => logs.push(line) });
  const server: Server = createServer((req, res) => {
    void web(req, res).then((handled) => {
      if (!handled) send(res, 404, "not found");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    logs,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
