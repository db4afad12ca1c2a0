// The web chat's JSON API. It only translates between HTTP and ChatSessions: no eligibility logic here.
//
//   POST /api/chat    {"session"?: id, "text": string, "lang"?: "zh-CN"|"en", "turn"?: n}
//                     ->  {"session", "lang", "turn", "replies", "actions", "answers", "effects", "handout"?}  (view.ts)
//   POST /api/delete  {"session": id}                                          ->  {"deleted": true}
//   GET  /api/strings?lang=zh-CN|en                                            ->  {"lang", "strings": {...web keys}}
//
// Session ids are made here (crypto.randomUUID) and stored under the key "web:<id>". A request without a
// session id, or with one that is not exactly such a UUID, starts a new conversation and gets a new id;
// nothing is stored for it until the first answer. `turn` is the number the last response gave: a resend
// of a turn already applied gets the same replies again without being applied twice.
// Request bodies are never logged: they hold people's answers. The printable handout is GET /handout (handout.ts).
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpError, pathOf, queryParam, readBody, sendJson, type RouteHandler } from "../../http/mod.js";
import type { Lang } from "../../i18n/mod.js";
import type { ChatSessions, SessionTurn } from "../chat-session.js";
import { parseLang, webStrings } from "./strings.js";
import { answerViews, replyViews, resultActions, type ActionView, type AnswerView, type ReplyView } from "./view.js";

// The page module reads requests with these too.
export { pathOf, queryParam };

/** Largest request body accepted (413 above). */
export const MAX_BODY_BYTES = 16 * 1024;

/** The store key prefix: "web:<uuid>". */
export const SESSION_KEY_PREFIX = "web:";

export const API_PATHS = ["/api/chat", "/api/delete", "/api/strings"] as const;

export interface WebChatApiOptions {
  readonly sessions: ChatSessions;
}

/** What POST /api/chat answers. `lang` is the conversation's language, which the page follows. */
export interface ChatResponse {
  readonly session: string;
  readonly lang: Lang;
  /** Send it back with the answer to these replies. */
  readonly turn: number;
  readonly replies: readonly ReplyView[];
  /** The result commands as buttons (continue, all, pending, my answers, back, print); empty while a question waits. */
  readonly actions: readonly ActionView[];
  /** The answers recorded so far, for the "your answers" panel. */
  readonly answers: readonly AnswerView[];
  /** What the core asked the channel to do: "delete-data" (the page forgets its copy too), "handout" (open it). */
  readonly effects: readonly string[];
  /** Where this conversation's printable handout is, when the turn asked for it. */
  readonly handout?: string;
}

// Exactly what crypto.randomUUID() makes: lower-case version-4 UUIDs.
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isSessionId(value: unknown): value is string {
  return typeof value === "string" && SESSION_ID.test(value);
}

export function sessionKey(id: string): string {
  return `${SESSION_KEY_PREFIX}${id}`;
}

/**
 * One RouteHandler for the three API paths (it answers 404 for any other path). Client errors are
 * answered as JSON `{"error": "short message"}` with 400, 404, 405, 413 or 415; anything else is thrown
 * for `guarded` to turn into a 500.
 */
export function createWebChatApi({ sessions }: WebChatApiOptions): RouteHandler {
  return async (req, res) => {
    try {
      const path = pathOf(req);
      if (path === "/api/chat") return await chat(sessions, req, res);
      if (path === "/api/delete") return await forget(sessions, req, res);
      if (path === "/api/strings") return strings(req, res);
      throw new HttpError(404, "not found");
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      sendJson(res, err.status, { error: err.message });
    }
  };
}

async function chat(sessions: ChatSessions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJsonObject(req, res);
  const { text } = body;
  if (typeof text !== "string") throw new HttpError(400, "text must be a string");
  if (body.session !== undefined && body.session !== null && typeof body.session !== "string") throw new HttpError(400, "session must be a string");
  if (body.lang !== undefined && body.lang !== null && !parseLang(body.lang)) throw new HttpError(400, 'lang must be "zh-CN" or "en"');
  if (body.turn !== undefined && body.turn !== null && !(Number.isInteger(body.turn) && (body.turn as number) >= 0)) throw new HttpError(400, "turn must be a whole number");
  const lang = parseLang(body.lang);
  const answering = typeof body.turn === "number" ? body.turn : undefined;

  const known = isSessionId(body.session);
  const id = known ? (body.session as string) : randomUUID();
  const key = sessionKey(id);
  const empty = text.trim() === "";

  let turn: SessionTurn;
  if (!known) {
    // A new conversation: the welcome and first question, in the page's language when it says one.
    // (Without a language the core reads the text, so a first "English" is honoured.)
    turn = sessions.greet(lang ? "" : text, lang);
  } else if (empty && lang) {
    // The page's language toggle: the core switches and asks the pending question again.
    turn = await sessions.handle(key, `/lang ${lang}`, { turn: answering, lang });
  } else if (empty) {
    throw new HttpError(400, "text is empty");
  } else {
    turn = await sessions.handle(key, text, { turn: answering, lang });
  }
  sendJson(res, 200, chatResponse(id, turn));
}

async function forget(sessions: ChatSessions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJsonObject(req, res);
  if (!isSessionId(body.session)) throw new HttpError(400, "session must be a session id");
  await sessions.forget(sessionKey(body.session));
  sendJson(res, 200, { deleted: true });
}

function strings(req: IncomingMessage, res: ServerResponse): void {
  allowMethods(req, res, ["GET", "HEAD"]);
  const requested = queryParam(req, "lang");
  const lang = requested === null ? "zh-CN" : parseLang(requested);
  if (!lang) throw new HttpError(400, 'lang must be "zh-CN" or "en"');
  sendJson(res, 200, { lang, strings: webStrings(lang) });
}

/** POST, application/json, at most MAX_BODY_BYTES, a JSON object: in that order, else 405/415/413/400. */
async function readJsonObject(req: IncomingMessage, res: ServerResponse): Promise<Record<string, unknown>> {
  allowMethods(req, res, ["POST"]);
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") throw new HttpError(415, "content-type must be application/json");
  const raw = await readBody(req, MAX_BODY_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new HttpError(400, "invalid JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new HttpError(400, "body must be a JSON object");
  return value as Record<string, unknown>;
}

function allowMethods(req: IncomingMessage, res: ServerResponse, methods: readonly string[]): void {
  if (methods.includes(req.method ?? "")) return;
  res.setHeader("allow", methods.join(", "));
  throw new HttpError(405, "method not allowed");
}

function chatResponse(id: string, turn: SessionTurn): ChatResponse {
  const { state } = turn;
  const effects = turn.effects.map((e) => e.type);
  return {
    session: id,
    lang: state.lang,
    turn: turn.turn,
    replies: replyViews(turn.replies, state),
    actions: resultActions(state),
    answers: answerViews(state),
    effects,
    ...(effects.includes("handout") && { handout: handoutPath(id) }),
  };
}

export function handoutPath(id: string): string {
  return `/handout?session=${encodeURIComponent(id)}`;
}
