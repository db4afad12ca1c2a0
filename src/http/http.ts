// Small HTTP helpers shared by the server and every channel's handlers: bounded body reading, plain
// replies, and the request's path. They live apart from src/server so that channels never import the server.
import type { IncomingMessage, ServerResponse } from "node:http";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** An error that becomes a 4xx reply with a short message; anything else becomes a 500. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/**
 * Reads the body up to `maxBytes`. A larger one (declared or, when chunked, counted as it arrives) is
 * refused with 413 and the rest is not read: the connection is closed once the 413 is out, so a client
 * still uploading gets the answer instead of a reset.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) return Promise.reject(tooLarge(req));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off("data", onData);
        req.pause();
        reject(tooLarge(req));
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** `connection: close`: the unread rest of the body must not be taken as the next request on this connection. */
function tooLarge(_req: IncomingMessage): HttpError {
  return new HttpError(413, "body too large", { connection: "close" });
}

export function send(res: ServerResponse, status: number, body: string, type = "text/plain; charset=utf-8", headers: Readonly<Record<string, string>> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff", ...headers });
  res.end(body);
  if (headers.connection === "close") res.once("finish", () => res.req.socket.destroySoon());
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): void {
  send(res, status, JSON.stringify(value), "application/json; charset=utf-8", headers);
}

/** The request's path without its query; "" when the request target is not a path. */
export function pathOf(req: IncomingMessage): string {
  const target = req.url ?? "";
  if (!target.startsWith("/") || target.startsWith("//")) return "";
  try {
    return new URL(target, "http://localhost").pathname;
  } catch {
    return "";
  }
}

/** One query parameter of the request, or null. */
export function queryParam(req: IncomingMessage, name: string): string | null {
  return queryOf(req).get(name);
}

/** The request's query parameters (empty when the target does not parse). */
export function queryOf(req: IncomingMessage): URLSearchParams {
  try {
    return new URL(req.url ?? "/", "http://localhost").searchParams;
  } catch {
    return new URLSearchParams();
  }
}

/** True when the client went away before its answer was sent: that is not a server error. */
export function clientGone(req: IncomingMessage, err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return req.destroyed || code === "ECONNRESET" || code === "EPIPE" || code === "ERR_STREAM_PREMATURE_CLOSE" || (err as Error)?.message === "aborted";
}
