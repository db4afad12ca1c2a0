// The WeChat Official Account / WeCom callback: one URL that WeChat calls with GET to verify it and with
// POST for every message. This file only joins the pieces, each testable without HTTP:
//   inbound.ts   the query (signature, 300-second timestamp window), then the body (safe mode: msg_signature
//                over the scanned-out Encrypt before anything is parsed) → an InboundMessage
//   outbox.ts    the store's memory: (timestamp, nonce) pairs and MsgIds already received, replies given,
//                pages not yet shown; shared by every instance on Redis
//   decide.ts    the message and the outbox → what to do (run the core, show pages, a notice)
//   deadline.ts  WeChat's 5 seconds: answer now, or "success" and keep the answer for the next message
//   reply.ts     pages of a passive reply, and its XML (encrypted in safe mode)
// Privacy: log lines name the kind of event only, never message content or OpenIDs.
import type { ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { HttpError, queryOf, readBody, send, type RouteHandler } from "../../http/mod.js";
import { translator } from "../../i18n/mod.js";
import { silentLogger } from "../../log/mod.js";
import { checkConfig } from "./config.js";
import { messageCrypto } from "./crypto.js";
import { Deadline, beforeDeadline } from "./deadline.js";
import { echoFor, checkQuery, messageKey, openBody, TIMESTAMP_WINDOW_SECONDS } from "./inbound.js";
import { answerMessage, answerRetry, type Answering } from "./answer.js";
import { Outbox, Received } from "./outbox.js";
import { passiveReply, XML_TYPE } from "./reply.js";
import { DEFAULT_MAX_BYTES } from "./text-limit.js";
import { DEFAULT_MAX_XML_BYTES, type InboundMessage } from "./xml.js";
import type { WeChatWebhookOptions } from "./options.js";

export { DEFAULT_REPLY_TIMEOUT_MS, type WeChatWebhookOptions } from "./options.js";

/** The RouteHandler for one path (e.g. /wechat). Throws at once on a configuration that cannot work. */
export function createWeChatWebhook(options: WeChatWebhookOptions): RouteHandler {
  checkConfig(options);
  const crypto = options.mode === "safe" ? messageCrypto(options.encodingAESKey!, options.appId!) : undefined;
  const now = options.now ?? Date.now;
  const config = { token: options.token, crypto, flavor: options.flavor };
  const answering = answeringFrom(options, now);
  const received = answering.received;

  async function receive(query: URLSearchParams, body: () => Promise<string>, res: ServerResponse): Promise<void> {
    const startedAt = performance.now();
    const signed = orRefuse(checkQuery(query, config, now()));
    const message = orRefuse(openBody(await body(), signed, config));
    const key = messageKey(message);
    if (!(await received.nonceFits(signed.timestamp, signed.nonce, key, 2 * TIMESTAMP_WINDOW_SECONDS * 1000))) throw new HttpError(401, "signature already used");
    const deadline = new Deadline(answering.timeoutMs - (performance.now() - startedAt));
    const work = (await received.firstTime(key)) ? answerMessage(answering, message, deadline) : answerRetry(answering, message, key, deadline);
    const content = await beforeDeadline(deadline, work);
    await received.rememberReply(key, content).catch(() => undefined);
    reply(res, message, content);
  }

  function reply(res: ServerResponse, message: InboundMessage, content: string | undefined): void {
    if (content === undefined) send(res, 200, "success");
    else send(res, 200, passiveReply(message, content, config, now()), XML_TYPE);
  }

  return async (req, res) => {
    const query = queryOf(req);
    if (req.method === "GET") return send(res, 200, orRefuse(echoFor(query, config, now())));
    if (req.method !== "POST") throw new HttpError(405, "method not allowed", { allow: "GET, POST" });
    await receive(query, () => readBody(req, DEFAULT_MAX_XML_BYTES), res);
  };
}

function answeringFrom(options: WeChatWebhookOptions, now: () => number): Answering {
  const timeoutMs = options.replyTimeoutMs ?? 4500;
  const maxBytes = options.maxReplyBytes ?? DEFAULT_MAX_BYTES;
  if (!(timeoutMs >= 0)) throw new RangeError("replyTimeoutMs must not be negative");
  if (!(maxBytes >= 200 && maxBytes <= 2048)) throw new RangeError("maxReplyBytes must be between 200 and 2048");
  const fallback = (lang: Parameters<typeof translator>[0]) => translator(lang)("wechat.unavailable");
  return { sessions: options.sessions, outbox: new Outbox(options.store), received: new Received(options.store), log: options.log ?? silentLogger(), now, timeoutMs, maxBytes, lateTtlMs: options.lateTtlMs ?? 10 * 60_000, fallback };
}

function orRefuse<T>(checked: { ok: true; value: T } | { ok: false; status: number; reason: string }): T {
  if (!checked.ok) throw new HttpError(checked.status, checked.reason);
  return checked.value;
}
