// `npx tsx src/channels/web/main.ts`: the web chat on its own, for local use until the shared
// multi-channel server mounts the same handler. Conversations are kept in files under STATE_DIR.
//   PORT (default 8080), HOST (default 127.0.0.1), STATE_DIR (default .state)
import { createServer } from "node:http";
import { ChatSessions } from "../chat-session.js";
import { send } from "../../server/http.js";
import { createStore } from "../../store/mod.js";
import { createWebChat } from "./mod.js";

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? "127.0.0.1";
const dir = process.env.STATE_DIR ?? ".state";
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`web: PORT must be a port number, not "${process.env.PORT}"\n`);
  process.exit(2);
}

const log = (line: string) => process.stderr.write(`web: ${line}\n`);
const store = await createStore({ kind: "file", dir });
const web = createWebChat({ sessions: new ChatSessions(store), log });

const server = createServer((req, res) => {
  web(req, res)
    .then((handled) => {
      if (!handled) send(res, 404, "not found");
    })
    .catch(() => send(res, 500, "internal error"));
});
server.requestTimeout = 30_000;
server.headersTimeout = 15_000;

server.on("error", (err: NodeJS.ErrnoException) => {
  log(`server error: ${err.code ?? err.name}`);
  void store.close().finally(() => process.exit(1));
});

server.listen(port, host, () => {
  const address = server.address();
  const shown = typeof address === "object" && address ? `${address.address}:${address.port}` : `${host}:${port}`;
  log(`listening on http://${shown}/ (state in ${dir})`);
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`${signal}: shutting down`);
  // Stop accepting, let requests in flight finish (idle keep-alive sockets are closed at once),
  // then close the store so its pending writes land. A stuck client gets 5 s.
  const force = setTimeout(() => server.closeAllConnections(), 5_000);
  force.unref();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  clearTimeout(force);
  await store.close();
  log("stopped");
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    shutdown(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        log(`shutdown failed: ${(err as Error)?.name ?? "unknown"}`);
        process.exit(1);
      },
    );
  });
}
