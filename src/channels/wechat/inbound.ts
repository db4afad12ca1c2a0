// From a POST to an InboundMessage, trusting nothing before it is proven: first the query (signature in
// plain mode, a timestamp within 300 s of our clock), then, in safe mode, the body's Encrypt element taken
// out by a bounded scan and checked against msg_signature before any XML is parsed, so a stranger's body
// costs a string search, not a parse. Pure: the caller reads the body and remembers nonces (in the store).
import type { MessageCrypto } from "./crypto.js";
import { verifySignature } from "./signature.js";
import { parseInbound, type InboundMessage } from "./xml.js";

/** How far a request's timestamp may be from our clock; older signed URLs are refused. */
export const TIMESTAMP_WINDOW_SECONDS = 300;

export interface InboundConfig {
  readonly token: string;
  /** Present in safe mode (and always for WeCom). */
  readonly crypto?: MessageCrypto;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly status: 400 | 401 | 413; readonly reason: string };

export interface SignedQuery {
  readonly timestamp: string;
  readonly nonce: string;
  /** safe mode: to be checked against the body's Encrypt. */
  readonly msgSignature?: string;
}

/** The checks that need no body: run them before the body is even read. */
export function checkQuery(query: URLSearchParams, config: InboundConfig, nowMs: number): Checked<SignedQuery> {
  const timestamp = query.get("timestamp") ?? "";
  const nonce = query.get("nonce") ?? "";
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs / 1000 - Number(timestamp)) > TIMESTAMP_WINDOW_SECONDS) return refuse(401, "stale timestamp");
  if (!/^[\w-]{1,64}$/.test(nonce)) return refuse(401, "bad nonce");
  if (!config.crypto) {
    return verifySignature(query.get("signature") ?? "", config.token, timestamp, nonce) ? accept({ timestamp, nonce }) : refuse(401, "bad signature");
  }
  const msgSignature = query.get("msg_signature") ?? "";
  return /^[0-9a-f]{40}$/i.test(msgSignature) ? accept({ timestamp, nonce, msgSignature }) : refuse(401, "bad signature");
}

/** The message in a body whose query passed checkQuery. */
export function openBody(body: string, query: SignedQuery, config: InboundConfig): Checked<InboundMessage> {
  if (!config.crypto) {
    const parsed = parseInbound(body);
    if (!parsed.ok) return refuse(parsed.error === "too-large" ? 413 : 400, "bad xml");
    if (parsed.value.kind !== "message") return refuse(400, "encrypted message, but the channel is in plain mode");
    return accept(parsed.value);
  }
  // Compatible mode sends both forms; only the signed ciphertext is trusted.
  const encrypt = scanEncrypt(body);
  if (encrypt === undefined) return refuse(400, "no Encrypt element");
  if (!verifySignature(query.msgSignature ?? "", config.token, query.timestamp, query.nonce, encrypt)) return refuse(401, "bad signature");
  const plain = config.crypto.decrypt(encrypt);
  if (!plain.ok) return refuse(400, `cannot decrypt (${plain.error})`);
  const inner = parseInbound(plain.message);
  if (!inner.ok || inner.value.kind !== "message") return refuse(400, "bad xml");
  return accept(inner.value);
}

/** The envelope's opening `<Encrypt>` must come this early: WeChat puts at most ToUserName and AgentID first. */
const ENCRYPT_WITHIN = 2048;

/**
 * The text of the one `<Encrypt>` element, as base64, found without parsing: the opening tag within the
 * first bytes, optionally CDATA, then only base64 characters up to the closing tag. Anything else: undefined.
 */
export function scanEncrypt(body: string): string | undefined {
  const open = body.indexOf("<Encrypt>");
  if (open < 0 || open > ENCRYPT_WITHIN) return undefined;
  let start = open + "<Encrypt>".length;
  const cdata = body.startsWith("<![CDATA[", start);
  if (cdata) start += "<![CDATA[".length;
  const close = body.indexOf(cdata ? "]]></Encrypt>" : "</Encrypt>", start);
  if (close < 0 || body.includes("<Encrypt>", close)) return undefined;
  const value = body.slice(start, close);
  return /^[A-Za-z0-9+/]+={0,2}$/.test(value) ? value : undefined;
}

function accept<T>(value: T): Checked<T> {
  return { ok: true, value };
}

function refuse(status: 400 | 401 | 413, reason: string): Checked<never> {
  return { ok: false, status, reason };
}

/**
 * The answer to WeChat's GET that checks the URL is ours: the Official Account signs without the echostr and
 * expects it back verbatim (in every mode); WeCom encrypts the echostr and signs the ciphertext.
 */
export function echoFor(query: URLSearchParams, config: InboundConfig & { readonly flavor: "oa" | "wecom" }, nowMs: number): Checked<string> {
  const timestamp = query.get("timestamp") ?? "";
  const nonce = query.get("nonce") ?? "";
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs / 1000 - Number(timestamp)) > TIMESTAMP_WINDOW_SECONDS) return refuse(401, "stale timestamp");
  if (config.flavor === "oa") {
    if (!verifySignature(query.get("signature") ?? "", config.token, timestamp, nonce)) return refuse(401, "bad signature");
    return accept(query.get("echostr") ?? "");
  }
  // Base64 has no spaces: a space is a "+" that arrived unescaped and was decoded as form data.
  const echostr = (query.get("echostr") ?? "").replaceAll(" ", "+");
  if (!verifySignature(query.get("msg_signature") ?? "", config.token, timestamp, nonce, echostr)) return refuse(401, "bad signature");
  const plain = config.crypto?.decrypt(echostr);
  return plain?.ok ? accept(plain.message) : refuse(401, "bad echostr");
}

/**
 * The id WeChat's retries share: MsgId for messages; for events (which have none), sender + CreateTime,
 * plus the event type and key so two different events in the same second are not merged.
 */
export function messageKey(message: InboundMessage): string {
  if (message.msgId) return `id:${message.msgId}`;
  return `ev:${message.fromUser}:${message.createTime}:${message.event ?? ""}:${message.eventKey ?? ""}`;
}
