// The WeChat Official Account / WeCom channel. The protocol pieces are pure (no I/O); webhook.ts joins
// them into the route the server mounts at /wechat.
import type { Route } from "../../http/mod.js";
import { createWeChatWebhook } from "./webhook.js";
import type { WeChatWebhookOptions } from "./options.js";

export { sign, verifySignature } from "./signature.js";
export { messageCrypto, type MessageCrypto, type DecryptResult, type DecryptError } from "./crypto.js";
export { parseInbound, buildTextReply, buildEncryptedReply, DEFAULT_MAX_XML_BYTES, type InboundMessage, type EncryptedEnvelope, type ParseResult, type XmlError } from "./xml.js";
export { checkQuery, openBody, scanEncrypt, echoFor, messageKey, TIMESTAMP_WINDOW_SECONDS } from "./inbound.js";
export { decide, lateOnly, plainWord, type Intent, type DecideContext } from "./decide.js";
export { Deadline, beforeDeadline } from "./deadline.js";
export { pagesOf, renderReply, paginate, passiveReply } from "./reply.js";
export { handoutPages, handoutText, HANDOUT_PAGES } from "./handout.js";
export { splitByBytes, utf8Length, numberedOptions, chosenOption, DEFAULT_MAX_BYTES } from "./text-limit.js";

// The HTTP side: the callback handler, its settings from the environment, and what it keeps in the store
export { createWeChatWebhook, DEFAULT_REPLY_TIMEOUT_MS, type WeChatWebhookOptions } from "./webhook.js";
export { wechatConfigFromEnv, checkConfig, type WeChatConfig, type WeChatFlavor, type WeChatMode } from "./config.js";
export { Outbox, Received, outboxKey, type OutboxRecord } from "./outbox.js";

export const WECHAT_PATH = "/wechat";

export function wechatRoutes(options: WeChatWebhookOptions): Route[] {
  return [{ path: WECHAT_PATH, handle: createWeChatWebhook(options), budget: "webhook" }];
}
