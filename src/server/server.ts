// One HTTP server for every channel: the web chat at /, the WeChat webhook at /wechat, the
// Telegram webhook at /telegram, and /healthz. Channels only translate; all of them talk to
// the same ChatSessions. Errors never escape a request; shutdown finishes replies in flight.
import { createServer, type Server } from "node:http";
import type { WebChatHandler } from "../channels/web/mod.js";
import { guarded, send, type RouteHandler } from "./http.js";

export interface Routes {
  readonly web?: WebChatHandler;
  readonly wechat?: RouteHandler;
  readonly telegram?: RouteHandler;
}

export const WECHAT_PATH = "/wechat";
export const TELEGRAM_PATH = "/telegram";
export const HEALTH_PATH = "/healthz";

export function createAppServer(routes: Routes, log: (line: string) => void): Server {
  const server = createServer((req, res) => {
    void route(req, res).catch(() => send(res, 500, "internal error"));
  });

  async function route(req: Parameters<RouteHandler>[0], res: Parameters<RouteHandler>[1]): Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    if (path === HEALTH_PATH) return send(res, 200, "ok");
    if (path === WECHAT_PATH && routes.wechat) return guarded(routes.wechat, req, res, log);
    if (path === TELEGRAM_PATH && routes.telegram) return guarded(routes.telegram, req, res, log);
    if (routes.web && (await routes.web(req, res))) return;
    send(res, 404, "not found");
  }

  // Slow or stuck clients must not hold connections open forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  return server;
}

/** Stops accepting connections, lets requests in flight finish (up to `graceMs`), then resolves. */
export function closeGracefully(server: Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    // Keep-alive connections become idle as their last reply goes out: close them as they do.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
