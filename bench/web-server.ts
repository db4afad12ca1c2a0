// The server under test for the web chat benchmark, run as its own process: the real store, ChatSessions,
// rate limiter and routes of `npm run serve`, with `SESSIONS` conversations stored before it listens.
// Also `BARE=1`: a bare node:http server that reads the JSON body and answers with a real turn's JSON (the
// same bytes every time, made once), so the comparison costs the load generator the same.
// Prints "ready <port>" on stdout.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ChatSessions } from "../src/channels/mod.js";
import { webChatRoutes } from "../src/channels/web/mod.js";
import { start } from "../src/dialogue/mod.js";
import { silentLogger } from "../src/log/mod.js";
import { RequestLimits } from "../src/server/limits.js";
import { createAppServer } from "../src/server/server.js";
import { createStore, type StoreConfig } from "../src/store/mod.js";

const kind = (process.env.STORE ?? "memory") as StoreConfig["kind"];
const sessions = Number(process.env.SESSIONS ?? 0);

if (process.env.BARE === "1") {
  const opened = start("zh-CN");
  const canned = JSON.stringify({ session: "6f9619ff-8b86-4011-b42d-00c04fc964ff", lang: "zh-CN", turn: 1, replies: opened.replies });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      JSON.parse(Buffer.concat(chunks).toString("utf8"));
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.end(canned);
    });
  });
  server.listen(0, "127.0.0.1", () => process.stdout.write(`ready ${(server.address() as AddressInfo).port}\n`));
} else {
  const config: StoreConfig = kind === "redis" ? { kind, url: process.env.REDIS_URL!, prefix: "bench:" } : kind === "file" ? { kind, dir: process.env.STATE_DIR! } : { kind: "memory" };
  const store = await createStore(config, { maxSessions: 1_000_000 });
  // Stored conversations of the size real ones have: the opening state, one answer in.
  const opened = start("zh-CN");
  const envelope = { v: 2, dialogue: { ...opened.state, asked: ["m0.age"], profile: { members: [{ relation: "self", age: 40 }] } }, turn: 1, last: { from: opened.state, input: "40" } };
  for (let i = 0; i < sessions; i += 5000) {
    await Promise.all(Array.from({ length: Math.min(5000, sessions - i) }, (_, j) => store.set(`web:filler-${i + j}`, envelope)));
  }
  const chat = new ChatSessions(store, { log: silentLogger() });
  const limits = new RequestLimits(store, { webPerMinute: 1e9, webhookPerMinute: 1e9 });
  const server = createAppServer({ routes: webChatRoutes({ sessions: chat }), store, log: silentLogger(), limits, maxConnections: 10_000 });
  server.listen(0, "127.0.0.1", () => process.stdout.write(`ready ${(server.address() as AddressInfo).port}\n`));
  process.on("SIGTERM", () => void store.close().then(() => process.exit(0)));
}
