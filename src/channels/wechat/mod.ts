// The WeChat Official Account / WeCom protocol, without I/O: the HTTP server that uses it lives elsewhere.
// Flow for one POST: verify the signature → parse the XML → (safe mode) verify msg_signature, decrypt, parse
// again → skip if already seen → run the core → split and number the reply → build (and encrypt) the reply XML.

export { sign, verifySignature } from "./signature.js";
export { messageCrypto, type MessageCrypto, type DecryptResult, type DecryptError } from "./crypto.js";
export {
  parseInbound,
  buildTextReply,
  buildEncryptedReply,
  DEFAULT_MAX_XML_BYTES,
  type InboundMessage,
  type EncryptedEnvelope,
  type ParseResult,
  type XmlError,
} from "./xml.js";
export { SeenMessages, messageKey, type SeenMessagesOptions } from "./dedupe.js";
export { splitByBytes, utf8Length, numberedOptions, chosenOption, DEFAULT_MAX_BYTES } from "./text-limit.js";

// The HTTP side: the callback handler, its settings from the environment, and the outbox it keeps
export { createWeChatWebhook, renderReply, paginate, DEFAULT_REPLY_TIMEOUT_MS, type WeChatWebhookOptions } from "./webhook.js";
export { wechatConfigFromEnv, checkConfig, type WeChatConfig, type WeChatFlavor, type WeChatMode } from "./config.js";
export { Outbox, outboxKey, type OutboxRecord } from "./outbox.js";
