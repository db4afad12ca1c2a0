// The WeChat Official Account / WeCom callback: one URL that WeChat calls with GET to verify it and with
// POST for every message. It only translates: text in, the core's replies out as one passive reply.
//
// One POST: check the signature → read (≤ 64 KB) and parse the XML → (safe mode / WeCom) check msg_signature
// over Encrypt, decrypt, parse again → skip retries of a message already seen → run the user's next step in
// their own queue → answer with a passive reply XML (encrypted in safe mode), or "success" for nothing.
//
// Limits of a passive reply, and how they are handled:
// - One message per request, at most ~2,048 bytes: the turn's replies are joined into one text; a longer text
//   is cut into pages (≤ maxReplyBytes each, the first ones ending with a "reply more" hint). The rest wait in
//   the outbox (outbox.ts) and each "more" shows the next page; any other message clears them.
// - An answer within 5 seconds: when the core (plus the store) has not answered within replyTimeoutMs, the
//   request gets "success" (WeChat shows nothing) and the answer is kept in the outbox; the user's next message,
//   whatever it says (except a request to delete their data), is answered with it instead of going to the core.
//   Sending it the moment it is ready would need the customer-service message API with an access token
//   (AppSecret), which this adapter deliberately does not call.
// - Retries: WeChat resends a message it got no answer to. A retry of a message still being handled waits for
//   it and gets the same reply; a retry after that gets the same reply again (for a minute), then "success".
//
// Privacy: log lines name the kind of event only, never message content or OpenIDs.
import { randomInt } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import type { Lang } from "../../catalogue/mod.js";
import { restoreState, type Reply, type Turn } from "../../dialogue/mod.js";
import { normalize, parseCommand } from "../../dialogue/understand/mod.js";
import { LANGS, translator, type Translate } from "../../i18n/mod.js";
import { HttpError, readBody, send, type RouteHandler } from "../../server/http.js";
import type { SessionStore } from "../../store/mod.js";
import type { ChatSessions } from "../chat-session.js";
import { checkConfig, type WeChatFlavor, type WeChatMode } from "./config.js";
import { messageCrypto, type MessageCrypto } from "./crypto.js";
import { SeenMessages, messageKey } from "./dedupe.js";
import { Outbox, type OutboxRecord } from "./outbox.js";
import { sign, verifySignature } from "./signature.js";
import { DEFAULT_MAX_BYTES, numberedOptions, splitByBytes, utf8Length } from "./text-limit.js";
import { DEFAULT_MAX_XML_BYTES, buildEncryptedReply, buildTextReply, parseInbound, type InboundMessage } from "./xml.js";

export interface WeChatWebhookOptions {
  /** The conversations; `ChatSessions` in production, anything with its `handle` in tests. */
  readonly sessions: Pick<ChatSessions, "handle">;
  /** The Token from the account's server settings. */
  readonly token: string;
  /** "safe": messages are encrypted (WeCom always is). "plain": clear-text messages. */
  readonly mode: WeChatMode;
  /** The 43-character EncodingAESKey; required in safe mode. */
  readonly encodingAESKey?: string;
  /** The Official Account's AppID, or WeCom's CorpID; required in safe mode. */
  readonly appId?: string;
  /** "oa" (Official Account) or "wecom": they verify the URL differently. */
  readonly flavor: WeChatFlavor;
  /** How long a request waits for the core before answering "success"; default 4,500 ms (WeChat allows 5 s). */
  readonly replyTimeoutMs?: number;
  /** Where the outbox (pages not yet shown, late answers) is kept; usually the sessions' own store. */
  readonly store: SessionStore;
  /** The clock for reply timestamps and the outbox; default Date.now. Timeouts use real time. */
  readonly now?: () => number;
  readonly log?: (line: string) => void;
  /** The most UTF-8 bytes in one passive reply's text; default 2,000 (WeChat's limit is 2,048). */
  readonly maxReplyBytes?: number;
  /** A late answer not collected within this time is dropped; default 10 minutes. */
  readonly lateTtlMs?: number;
}

export const DEFAULT_REPLY_TIMEOUT_MS = 4500;
const DEFAULT_LATE_TTL_MS = 10 * 60_000;
const XML_TYPE = "application/xml; charset=utf-8";

/** What a message leads to, decided inside the user's queue. */
type Outcome =
  /** Answer "success" and leave the outbox alone (unknown events). */
  | { readonly kind: "none" }
  /** A one-off notice (send text, please): the outbox is left alone, and the notice is dropped if late. */
  | { readonly kind: "notice"; readonly text: string }
  /** Pages to show: the first now, the rest become the outbox. `forget`: the user deleted their data. */
  | { readonly kind: "pages"; readonly pages: readonly string[]; readonly lang: Lang; readonly forget?: boolean };

/** The RouteHandler for one path (e.g. /wechat). Throws at once on a configuration that cannot work. */
export function createWeChatWebhook(options: WeChatWebhookOptions): RouteHandler {
  checkConfig(options);
  const { sessions, token, flavor, store } = options;
  const crypto: MessageCrypto | undefined = options.mode === "safe" ? messageCrypto(options.encodingAESKey!, options.appId!) : undefined;
  const timeoutMs = options.replyTimeoutMs ?? DEFAULT_REPLY_TIMEOUT_MS;
  const maxBytes = options.maxReplyBytes ?? DEFAULT_MAX_BYTES;
  const lateTtlMs = options.lateTtlMs ?? DEFAULT_LATE_TTL_MS;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  if (!(timeoutMs >= 0)) throw new RangeError("replyTimeoutMs must not be negative");
  if (!(maxBytes >= 200 && maxBytes <= 2048)) throw new RangeError("maxReplyBytes must be between 200 and 2048");

  const outbox = new Outbox(store);
  const seen = new SeenMessages({ now });
  const answered = new RecentAnswers(now);
  const queues = new Map<string, Promise<void>>();
  const moreWords = new Set(LANGS.flatMap((lang) => wordList(translator(lang)("wechat.more.words", { returnObjects: true }))).map(plainWord));

  // GET: WeChat checks that the URL is ours before saving the server settings.
  function verifyUrl(query: URLSearchParams, res: ServerResponse): void {
    const timestamp = query.get("timestamp") ?? "";
    const nonce = query.get("nonce") ?? "";
    if (flavor === "oa") {
      // The Official Account signs without the echostr and expects it back verbatim (in every mode).
      if (!verifySignature(query.get("signature") ?? "", token, timestamp, nonce)) throw new HttpError(401, "bad signature");
      return send(res, 200, query.get("echostr") ?? "");
    }
    // WeCom encrypts the echostr and signs the ciphertext. Base64 has no spaces: a space is a "+" that
    // arrived unescaped and was decoded as form data.
    const echostr = (query.get("echostr") ?? "").replaceAll(" ", "+");
    if (!verifySignature(query.get("msg_signature") ?? "", token, timestamp, nonce, echostr)) throw new HttpError(401, "bad signature");
    const plain = crypto!.decrypt(echostr);
    if (!plain.ok) throw new HttpError(401, "bad echostr");
    send(res, 200, plain.message);
  }

  // POST: a message or an event.
  async function receive(req: IncomingMessage, query: URLSearchParams, res: ServerResponse): Promise<void> {
    const startedAt = performance.now();
    const timestamp = query.get("timestamp") ?? "";
    const nonce = query.get("nonce") ?? "";
    // The cheap checks first, before the body is even read.
    if (!crypto && !verifySignature(query.get("signature") ?? "", token, timestamp, nonce)) throw new HttpError(401, "bad signature");
    if (crypto && !query.get("msg_signature")) throw new HttpError(401, "bad signature");

    const parsed = parseInbound(await readBody(req, DEFAULT_MAX_XML_BYTES));
    if (!parsed.ok) throw new HttpError(parsed.error === "too-large" ? 413 : 400, "bad xml");
    let message: InboundMessage;
    if (!crypto) {
      if (parsed.value.kind !== "message") throw new HttpError(400, "encrypted message, but the channel is in plain mode");
      message = parsed.value;
    } else {
      // Compatible mode sends both forms; only the signed ciphertext is trusted.
      const encrypt = parsed.value.encrypt;
      if (!encrypt) throw new HttpError(400, "no Encrypt element");
      if (!verifySignature(query.get("msg_signature") ?? "", token, timestamp, nonce, encrypt)) throw new HttpError(401, "bad signature");
      const plain = crypto.decrypt(encrypt);
      if (!plain.ok) throw new HttpError(400, `cannot decrypt (${plain.error})`);
      const inner = parseInbound(plain.message);
      if (!inner.ok || inner.value.kind !== "message") throw new HttpError(400, "bad xml");
      message = inner.value;
    }

    const content = await dispatch(message, startedAt);
    reply(res, message, content);
  }

  /** The text to answer `message` with, or undefined for "success". */
  function dispatch(message: InboundMessage, startedAt: number): Promise<string | undefined> {
    const key = messageKey(message);
    if (seen.firstSeen(key)) {
      const response = deliver(message.fromUser, (box) => decide(message, box), startedAt);
      answered.remember(key, response);
      return response;
    }
    log("wechat: retry of a message already received");
    const earlier = answered.get(key);
    if (!earlier) return Promise.resolve(undefined);
    // The same reply as the first attempt; if that one had to answer "success", its answer may be ready now.
    return earlier.then((content) => (content !== undefined ? content : deliver(message.fromUser, lateOnly, startedAt)));
  }

  /**
   * Runs `decide` in the user's queue and resolves with the first page, or with undefined ("success") when
   * there is nothing to say or the deadline passed first; in that case the answer is kept as late.
   */
  function deliver(user: string, decide: (box: OutboxRecord | undefined) => Promise<Outcome>, startedAt: number): Promise<string | undefined> {
    return new Promise((resolve) => {
      let phase: "waiting" | "answered" | "expired" = "waiting";
      const timer = setTimeout(
        () => {
          if (phase !== "waiting") return;
          phase = "expired";
          resolve(undefined);
        },
        Math.max(0, timeoutMs - (performance.now() - startedAt)),
      );
      /** Answers the request if it is still waiting; false when it already got "success". */
      const answer = (content: string | undefined): boolean => {
        if (phase !== "waiting") return false;
        phase = "answered";
        clearTimeout(timer);
        resolve(content);
        return true;
      };

      void serialise(user, async () => {
        let lang: Lang | undefined;
        try {
          const box = await outbox.get(user);
          lang = box?.lang;
          const outcome = await decide(box);
          if (outcome.kind === "none") answer(undefined);
          else if (outcome.kind === "notice") answer(outcome.text);
          else if (outcome.forget) {
            answer(outcome.pages[0]);
            await outbox.delete(user);
          } else if (answer(outcome.pages[0])) {
            await outbox.put(user, { lang: outcome.lang, pages: outcome.pages.slice(1), late: false, at: now() });
          } else {
            log("wechat: answer too late for its request, kept for the user's next message");
            await outbox.put(user, { lang: outcome.lang, pages: outcome.pages, late: true, at: now() });
          }
        } catch (err) {
          log(`wechat: error ${(err as Error)?.name ?? "unknown"} while handling a message`);
          answer(translator(lang ?? "zh-CN")("wechat.unavailable"));
        } finally {
          clearTimeout(timer);
          if (phase === "waiting") answer(undefined);
        }
      });
    });
  }

  async function decide(message: InboundMessage, box: OutboxRecord | undefined): Promise<Outcome> {
    const sessionKey = `wechat:${message.fromUser}`;
    const late = box?.late && now() - box.at <= lateTtlMs ? box : undefined;
    if (message.msgType === "text") {
      const input = message.content ?? "";
      // A pending late answer goes first: the user has not seen the question this message may answer.
      // Deleting one's data is the exception, and must never wait.
      if (late && parseCommand(input)?.command !== "delete") return { kind: "pages", pages: late.pages, lang: late.lang };
      if (box && !box.late && moreWords.has(plainWord(input))) return { kind: "pages", pages: box.pages, lang: box.lang };
      return fromTurn(await sessions.handle(sessionKey, input));
    }
    if (message.msgType === "event") {
      if (message.event?.toLowerCase() === "subscribe") return fromTurn(await sessions.handle(sessionKey, ""));
      return { kind: "none" };
    }
    // A picture, voice message, location…: the core reads text only.
    if (late) return { kind: "pages", pages: late.pages, lang: late.lang };
    const lang = box?.lang ?? restoreState((await store.get(sessionKey))?.state)?.lang ?? "zh-CN";
    return { kind: "notice", text: translator(lang)("wechat.textOnly") };
  }

  /** For a retry whose first attempt answered "success": its answer, if it has arrived since. */
  async function lateOnly(box: OutboxRecord | undefined): Promise<Outcome> {
    return box?.late && now() - box.at <= lateTtlMs ? { kind: "pages", pages: box.pages, lang: box.lang } : { kind: "none" };
  }

  function fromTurn(turn: Turn): Outcome {
    const lang = turn.state.lang;
    const t = translator(lang);
    const text = turn.replies.map((r) => renderReply(t, r)).join("\n\n");
    if (text.trim() === "") return { kind: "none" };
    const forget = turn.effects.some((e) => e.type === "delete-data");
    return { kind: "pages", pages: paginate(t, text, maxBytes), lang, ...(forget ? { forget } : {}) };
  }

  function reply(res: ServerResponse, message: InboundMessage, content: string | undefined): void {
    if (content === undefined) return send(res, 200, "success");
    const createTime = Math.floor(now() / 1000);
    const xml = buildTextReply({ toUser: message.fromUser, fromUser: message.toUser, content, createTime });
    if (!crypto) return send(res, 200, xml, XML_TYPE);
    const encrypt = crypto.encrypt(xml);
    const timestamp = String(createTime);
    const nonce = String(randomInt(100_000_000, 1_000_000_000));
    send(res, 200, buildEncryptedReply({ encrypt, msgSignature: sign(token, timestamp, nonce, encrypt), timestamp, nonce }), XML_TYPE);
  }

  /** One user's messages are handled one after another, so the outbox is read and written in order. */
  function serialise(user: string, work: () => Promise<void>): Promise<void> {
    const next = (queues.get(user) ?? Promise.resolve()).then(work, work);
    const settled = next.catch(() => undefined);
    queues.set(user, settled);
    void settled.then(() => {
      if (queues.get(user) === settled) queues.delete(user);
    });
    return settled;
  }

  return async (req, res) => {
    try {
      const query = new URL(req.url ?? "/", "http://localhost").searchParams;
      if (req.method === "GET") return verifyUrl(query, res);
      if (req.method === "POST") return await receive(req, query, res);
      res.setHeader("allow", "GET, POST");
      send(res, 405, "method not allowed");
    } catch (err) {
      if (err instanceof HttpError) {
        log(`wechat: ${err.status} ${err.message}`);
        send(res, err.status, err.message);
      } else {
        log(`wechat: error ${(err as Error)?.name ?? "unknown"} in ${req.method}`);
        send(res, 500, "internal error");
      }
    }
  };
}

/** One reply as WeChat text: options become numbered choices, or plain shortcuts when the answer is typed. */
export function renderReply(t: Translate, reply: Reply): string {
  const options = reply.options ?? [];
  if (options.length === 0) return reply.text;
  if (reply.numbered !== false) return numberedOptions(reply.text, options);
  const labels = options.map((o) => t("wechat.shortcut", { label: o.label })).join(" / ");
  return `${reply.text}\n${t("wechat.shortcuts", { labels })}`;
}

/**
 * `text` as pages of at most `maxBytes` UTF-8 bytes; every page but the last ends with the "more" hint.
 * Room for the hint is kept as if there were 999 pages, so no page outgrows the limit once numbered.
 */
export function paginate(t: Translate, text: string, maxBytes = DEFAULT_MAX_BYTES): string[] {
  if (utf8Length(text) <= maxBytes) return [text];
  const hint = (n: number, m: number) => `\n\n${t("wechat.more.hint", { n, m })}`;
  const chunks = splitByBytes(text, maxBytes - utf8Length(hint(999, 999)));
  return chunks.map((chunk, i) => (i < chunks.length - 1 ? chunk + hint(i + 1, chunks.length) : chunk));
}

/** A word as typed, made comparable: normalised (width, case, spaces) and without end punctuation. */
function plainWord(text: string): string {
  return normalize(text).replace(/[\s.!?~,\u3002]+$/u, "");
}

function wordList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((w): w is string => typeof w === "string" && w.trim() !== "") : [];
}

/**
 * The answers given to recent messages, so that a retry gets the same one. Short-lived and bounded:
 * retries come within seconds, and the texts are personal, so they are not kept longer than needed.
 */
class RecentAnswers {
  private readonly answers = new Map<string, { readonly at: number; readonly response: Promise<string | undefined> }>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = 60_000,
    private readonly max = 2000,
  ) {}

  remember(key: string, response: Promise<string | undefined>): void {
    const now = this.now();
    for (const [k, { at }] of this.answers) {
      if (now - at < this.ttlMs && this.answers.size < this.max) break;
      this.answers.delete(k);
    }
    this.answers.set(key, { at: now, response });
  }

  get(key: string): Promise<string | undefined> | undefined {
    const entry = this.answers.get(key);
    return entry && this.now() - entry.at < this.ttlMs ? entry.response : undefined;
  }
}
