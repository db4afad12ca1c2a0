// One HTTP server for every channel. It knows no channel by name: each hands it a list of routes
// (path → handler, and which request budget it draws on). Before a handler runs, the server checks the
// Host header (optional allow-list) and the client's rate limit; errors never escape a request;
// /healthz asks the session store; shutdown finishes replies in flight.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { HttpError, clientGone, pathOf, send, type Route } from "../http/mod.js";
import { BoundedLog, type Logger } from "../log/mod.js";
import type { SessionStore } from "../store/mod.js";
import type { RequestLimits } from "./limits.js";

export const HEALTH_PATH = "/healthz";

export interface AppServerOptions {
  readonly routes: readonly Route[];
  readonly log: Logger;
  /** Asked by /healthz; without it /healthz always answers ok. */
  readonly store?: Pick<SessionStore, "health">;
  readonly limits?: RequestLimits;
  /** Host header values (without port) answered; empty or absent: any. */
  readonly allowedHosts?: readonly string[];
  readonly maxConnections?: number;
}

export function createAppServer(options: AppServerOptions): Server {
  const routes = new Map(options.routes.map((route) => [route.path, route]));
  if (routes.size !== options.routes.length) throw new Error("two routes share a path");
  const rejected = new BoundedLog(options.log);
  const hosts = new Set(options.allowedHosts ?? []);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (hosts.size > 0 && !hosts.has(hostOf(req))) throw new HttpError(421, "unknown host");
    const path = pathOf(req);
    if (path === HEALTH_PATH) return health(options.store, res);
    const route = routes.get(path);
    if (!route) throw new HttpError(404, "not found");
    if (route.budget !== "free") await options.limits?.check(req, route.budget ?? "web");
    await route.handle(req, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof HttpError) {
        rejected.warn("http.rejected", { status: err.status, path: pathOf(req) });
        send(res, err.status, err.message, undefined, err.headers);
      } else if (clientGone(req, err)) {
        options.log.debug({ event: "http.client-gone", path: pathOf(req) }, "client went away");
      } else {
        // The kind of failure only: request bodies hold people's answers.
        options.log.error({ event: "http.error", error: (err as Error)?.name ?? "unknown", method: req.method, path: pathOf(req) }, "request failed");
        send(res, 500, "internal error");
      }
    });
  });
  // Slow or stuck clients must not hold connections open for ever, nor a flood of them the file descriptors.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  server.keepAliveTimeout = 5_000;
  server.maxConnections = options.maxConnections ?? 1000;
  server.on("clientError", (_err, socket) => socket.destroy());
  return server;
}

async function health(store: Pick<SessionStore, "health"> | undefined, res: ServerResponse): Promise<void> {
  const status = store ? await store.health().catch(() => ({ ok: false, problem: "no answer" })) : { ok: true };
  if (status.ok) return send(res, 200, "ok");
  send(res, 503, `unhealthy: ${"problem" in status ? status.problem : "store"}`);
}

function hostOf(req: IncomingMessage): string {
  const host = (req.headers.host ?? "").toLowerCase();
  // "[::1]:8080" keeps its brackets; "example.org:8080" loses the port.
  return host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.replace(/:\d+$/, "");
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
