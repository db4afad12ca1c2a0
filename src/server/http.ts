// Small HTTP helpers shared by the channels' handlers: bounded body reading and plain replies.
// Every channel is a RouteHandler; the server (server.ts) routes requests to them by path.
import type { IncomingMessage, ServerResponse } from "node:http";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** An error that becomes a 4xx reply with a short message; anything else becomes a 500. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads the body up to `maxBytes`; larger bodies are refused with 413 without reading them all. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) return Promise.reject(new HttpError(413, "body too large"));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new HttpError(413, "body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function send(res: ServerResponse, status: number, body: string, type = "text/plain; charset=utf-8"): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff" });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), "application/json; charset=utf-8");
}

/** Runs a handler so that no error escapes: HttpErrors become their status, others a 500 without details. */
export async function guarded(handler: RouteHandler, req: IncomingMessage, res: ServerResponse, log: (line: string) => void): Promise<void> {
  try {
    await handler(req, res);
  } catch (err) {
    if (err instanceof HttpError) send(res, err.status, err.message);
    else {
      // Log the kind of failure only: request bodies may hold personal answers.
      log(`error: ${(err as Error)?.name ?? "unknown"} in ${req.method} ${req.url?.split("?")[0]}`);
      send(res, 500, "internal error");
    }
  }
}
