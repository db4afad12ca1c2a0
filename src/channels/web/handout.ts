// GET /handout?session=<id>: the conversation's printable handout (the one-time notice), the same page
// `/export FILE.html` writes, with a print button added. Only the session named, by its unguessable id;
// an unknown or malformed id is 404 (the two are not told apart), and nothing of the request is logged.
import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import { translator } from "../../i18n/mod.js";
import { HttpError, send, sendJson, type RouteHandler } from "../../http/mod.js";
import { exportScreening } from "../../report/mod.js";
import type { ChatSessions } from "../chat-session.js";
import { isSessionId, pathOf, queryParam, sessionKey } from "./api.js";
import { escapeHtml } from "./page.js";

export const HANDOUT_PATH = "/handout";

export interface HandoutRouteOptions {
  readonly sessions: ChatSessions;
  /** Today, for the handout's date; default: the clock. */
  readonly now?: () => Date;
}

// The print button is the only addition; print styles hide it on paper. Its script is a file of this
// origin (/handout.js), so the page keeps a CSP without inline scripts.
const TOOLBAR_STYLE = ".toolbar{margin:0 0 1rem}.toolbar button{font:inherit;min-height:44px;padding:0 1.25rem;border:0;border-radius:22px;background:#a8281b;color:#fff;cursor:pointer}@media print{.toolbar{display:none}}";

export function createHandoutRoute({ sessions, now = () => new Date() }: HandoutRouteOptions): RouteHandler {
  return async (req, res) => {
    try {
      if (pathOf(req) !== HANDOUT_PATH) throw new HttpError(404, "not found");
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.setHeader("allow", "GET, HEAD");
        throw new HttpError(405, "method not allowed");
      }
      const id = queryParam(req, "session");
      const state = isSessionId(id) ? await sessions.state(sessionKey(id)) : undefined;
      if (!state) throw new HttpError(404, "not found");
      const html = withToolbar(exportScreening(state.profile, state.lang, "html", now(), state.client), translator(state.lang)("handout.print"));
      sendHandout(res, html);
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      sendJson(res, err.status, { error: err.message });
    }
  };
}

/** The print button, first thing in the body. */
export function withToolbar(html: string, label: string): string {
  const toolbar = `<style>${TOOLBAR_STYLE}</style><p class="toolbar"><button type="button" id="print">${escapeHtml(label)}</button></p><script src="/handout.js" defer></script>`;
  return html.replace(/<body>\n?/, (open) => `${open}${toolbar}\n`);
}

/** Its own styles by hash (the report inlines them, and nothing else inline may run); never cached or framed. */
function sendHandout(res: ServerResponse, html: string): void {
  const hashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash("sha256").update(m[1]!).digest("base64")}'`);
  const csp = ["default-src 'none'", `style-src ${hashes.join(" ") || "'none'"}`, "script-src 'self'", "img-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"].join("; ");
  send(res, 200, html, "text/html; charset=utf-8", {
    "content-security-policy": csp,
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "x-robots-tag": "noindex",
  });
}
