// Issue 11, smaller HTTP findings: an oversized chunked upload got a reset instead of 413; client aborts
// were logged as server errors.
import type { Server } from "node:http";
import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { readBody } from "../../src/http/mod.js";
import { closeGracefully, createAppServer } from "../../src/server/server.js";
import { capturedLog } from "../helpers/log.js";

let server: Server | undefined;
afterEach(async () => {
  if (server) await closeGracefully(server, 500);
  server = undefined;
});

async function serve(handle: Parameters<typeof createAppServer>[0]["routes"][number]["handle"]) {
  const log = capturedLog();
  server = createAppServer({ routes: [{ path: "/upload", handle, budget: "free" }], log: log.logger });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, log };
}

describe("bodies", () => {
  it("answers an oversized chunked upload with 413, not a reset", async () => {
    const { port } = await serve(async (req, res) => {
      await readBody(req, 1024);
      res.end("read");
    });
    const status = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.write("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        const chunk = "x".repeat(4096);
        for (let i = 0; i < 8; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      });
      let data = "";
      socket.on("data", (c) => (data += c.toString()));
      socket.on("error", () => resolve(data.split("\r\n")[0] ?? ""));
      socket.on("close", () => resolve(data.split("\r\n")[0] ?? ""));
      setTimeout(() => reject(new Error("no answer")), 5000);
    });
    expect(status).toBe("HTTP/1.1 413 Payload Too Large");
  });
});

describe("client aborts", () => {
  it("are not logged as server errors", async () => {
    let reached!: () => void;
    const inHandler = new Promise<void>((resolve) => (reached = resolve));
    const { port, log } = await serve(async (req, res) => {
      reached();
      await readBody(req, 1 << 20);
      res.end("read");
    });
    const socket = connect(port, "127.0.0.1", () => socket.write("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nabc"));
    await inHandler;
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(log.events()).not.toContain("http.error");
    expect(log.events()).toContain("http.client-gone");
  });
});
