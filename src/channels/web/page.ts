// The chat page itself: GET / (HTML in the requested language), its scripts and styles, and the
// handout page's print script.
// The files live in ./public and are read once, when the handler is made; the HTML's {{key}} placeholders
// are filled with the "web" locale strings (HTML-escaped) for both languages up front.
import { readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Lang } from "../../catalogue/mod.js";
import { LANGS } from "../../i18n/mod.js";
import { HttpError, send, sendJson, type RouteHandler } from "../../http/mod.js";
import { pathOf, queryParam } from "./api.js";
import { parseLang, webStrings, WEB_STRING_KEYS, type WebStringKey } from "./strings.js";

/** The page's scripts (ES modules) and styles, served as they are. */
const SCRIPTS = ["app.js", "render.js", "choices.js", "handout.js"] as const;
export const PAGE_PATHS: readonly string[] = ["/", "/app.js", "/app.css", ...SCRIPTS.slice(1).map((f) => `/${f}`)];

/** Scripts and styles only from this origin, and no inline ones; nothing may frame the page. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export interface WebPageOptions {
  /** Where index.html, the scripts and app.css are; default: the public/ folder beside this file. */
  readonly publicDir?: string;
  /** The page's language when the address has no ?lang= (default zh-CN). */
  readonly defaultLang?: Lang;
}

interface StaticFile {
  readonly body: string;
  readonly type: string;
}

export function createWebPage(options: WebPageOptions = {}): RouteHandler {
  const dir = options.publicDir ?? fileURLToPath(new URL("./public/", import.meta.url));
  const read = (name: string) => readFileSync(join(dir, name), "utf8");
  const template = read("index.html");
  const pages = new Map<Lang, string>(LANGS.map((lang) => [lang, renderPage(template, lang)]));
  const files = new Map<string, StaticFile>([
    ...SCRIPTS.map((f): [string, StaticFile] => [`/${f}`, { body: read(f), type: "text/javascript; charset=utf-8" }]),
    ["/app.css", { body: read("app.css"), type: "text/css; charset=utf-8" }],
  ]);

  return async (req, res) => {
    try {
      const path = pathOf(req);
      const file = path === "/" ? undefined : files.get(path);
      if (path !== "/" && !file) throw new HttpError(404, "not found");
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.setHeader("allow", "GET, HEAD");
        throw new HttpError(405, "method not allowed");
      }
      securityHeaders(res);
      if (file) return send(res, 200, file.body, file.type);
      const lang = parseLang(queryParam(req, "lang")) ?? options.defaultLang ?? "zh-CN";
      send(res, 200, pages.get(lang)!, "text/html; charset=utf-8");
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      sendJson(res, err.status, { error: err.message });
    }
  };
}

/** Fills {{lang}} and every {{key}} of the web strings; an unknown placeholder is a bug in index.html. */
export function renderPage(template: string, lang: Lang): string {
  const strings = webStrings(lang);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (name === "lang") return lang;
    if (!(WEB_STRING_KEYS as readonly string[]).includes(name)) throw new Error(`index.html: unknown placeholder {{${name}}}`);
    return escapeHtml(strings[name as WebStringKey]);
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader("content-security-policy", CONTENT_SECURITY_POLICY);
  res.setHeader("referrer-policy", "no-referrer");
  res.setHeader("x-frame-options", "DENY");
  res.setHeader("cross-origin-opener-policy", "same-origin");
}
