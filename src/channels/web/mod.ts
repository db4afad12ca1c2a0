// The web chat channel: a page (/, /app.js, /app.css) and its JSON API (/api/chat, /api/delete, /api/strings).
//
// Mounting: `createWebChat({ sessions })` returns a WebChatHandler, `(req, res) => Promise<boolean>`. It
// answers every request whose path is one of WEB_CHAT_PATHS and resolves true; for any other path it
// writes nothing and resolves false, so a shared server can try its next channel or answer 404 itself.
// Errors never escape: client errors are 4xx with a short JSON message, anything else a logged 500.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Lang } from "../../catalogue/mod.js";
import type { ChatSessions } from "../chat-session.js";
import { guarded } from "../../server/http.js";
import { API_PATHS, createWebChatApi, pathOf } from "./api.js";
import { createWebPage, PAGE_PATHS } from "./page.js";

export { createWebChatApi, isSessionId, sessionKey, MAX_BODY_BYTES, SESSION_KEY_PREFIX, API_PATHS, type ChatResponse, type WebChatApiOptions } from "./api.js";
export { createWebPage, renderPage, CONTENT_SECURITY_POLICY, PAGE_PATHS, type WebPageOptions } from "./page.js";
export { webStrings, WEB_STRING_KEYS, type WebStrings, type WebStringKey } from "./strings.js";

/** Every path the web chat answers (exact matches; the query string is ignored). */
export const WEB_CHAT_PATHS: readonly string[] = [...PAGE_PATHS, ...API_PATHS];

/** Resolves true when it answered the request, false (having written nothing) when the path is not its own. */
export type WebChatHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface WebChatOptions {
  readonly sessions: ChatSessions;
  /** Where 500s are reported (the error's kind and the path only, never a body). Default: stderr. */
  readonly log?: (line: string) => void;
  /** Folder with index.html, app.js and app.css; default: ./public beside this module. */
  readonly publicDir?: string;
  /** The page's language when the address has no ?lang= (default zh-CN); pass the server's BOT_LANG. */
  readonly defaultLang?: Lang;
}

export function createWebChat(options: WebChatOptions): WebChatHandler {
  const log = options.log ?? ((line: string) => process.stderr.write(`web: ${line}\n`));
  const api = createWebChatApi({ sessions: options.sessions });
  const page = createWebPage({ publicDir: options.publicDir, defaultLang: options.defaultLang });
  const apiPaths: readonly string[] = API_PATHS;
  const pagePaths: readonly string[] = PAGE_PATHS;
  return async (req, res) => {
    const path = pathOf(req);
    if (apiPaths.includes(path)) await guarded(api, req, res, log);
    else if (pagePaths.includes(path)) await guarded(page, req, res, log);
    else return false;
    return true;
  };
}
