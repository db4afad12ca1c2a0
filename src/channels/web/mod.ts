// The web chat channel: a page (/, its scripts, /app.css), its JSON API (/api/chat, /api/delete, /api/strings)
// and the printable handout (/handout?session=<id>).
// `webChatRoutes({ sessions })` gives the server one route per path; client errors are 4xx with a short
// JSON message, anything else is left to the server (a logged 500).
import type { Route } from "../../http/mod.js";
import type { Lang } from "../../i18n/mod.js";
import { WEB_PUBLIC_DIR } from "../../paths.js";
import type { ChatSessions } from "../chat-session.js";
import { API_PATHS, createWebChatApi } from "./api.js";
import { createHandoutRoute, HANDOUT_PATH } from "./handout.js";
import { createWebPage, PAGE_PATHS } from "./page.js";

export { createWebChatApi, isSessionId, sessionKey, MAX_BODY_BYTES, SESSION_KEY_PREFIX, API_PATHS, type ChatResponse, type WebChatApiOptions } from "./api.js";
export { createWebPage, renderPage, CONTENT_SECURITY_POLICY, PAGE_PATHS, type WebPageOptions } from "./page.js";
export { createHandoutRoute, withToolbar, HANDOUT_PATH, type HandoutRouteOptions } from "./handout.js";
export type { ActionView, AnswerView, LineView, ReplyView, SectionView } from "./view.js";
export { webStrings, WEB_STRING_KEYS, type WebStrings, type WebStringKey } from "./strings.js";

/** Every path the web chat answers (exact matches; the query string is ignored). */
export const WEB_CHAT_PATHS: readonly string[] = [...PAGE_PATHS, ...API_PATHS, HANDOUT_PATH];

export interface WebChatOptions {
  readonly sessions: ChatSessions;
  /** Folder with index.html, the scripts and app.css; default src/channels/web/public (also when running from dist/). */
  readonly publicDir?: string;
  /** The page's language when the address has no ?lang= (default zh-CN); pass the server's BOT_LANG. */
  readonly defaultLang?: Lang;
}

export function webChatRoutes(options: WebChatOptions): Route[] {
  const api = createWebChatApi({ sessions: options.sessions });
  const page = createWebPage({ publicDir: options.publicDir ?? WEB_PUBLIC_DIR, defaultLang: options.defaultLang });
  return [
    ...API_PATHS.map((path) => ({ path, handle: api })),
    ...PAGE_PATHS.map((path) => ({ path, handle: page, budget: "free" as const })),
    // Reads the store and renders the whole report: it draws on the web budget like a chat turn.
    { path: HANDOUT_PATH, handle: createHandoutRoute({ sessions: options.sessions }) },
  ];
}
