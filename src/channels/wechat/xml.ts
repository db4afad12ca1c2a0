// The XML WeChat and WeCom post to us, and the XML we answer with.
// Inbound: a flat <xml> of fields, either a plain message, or an envelope whose Encrypt holds one (safe mode),
// or both (compatible mode). The input is untrusted, so it is size-capped, DTDs are refused outright
// (WeChat never sends one; they are how entity-expansion and external-entity attacks get in), it must be
// well-formed, and every value stays a string (parseTagValue: false), so a 64-bit MsgId is never rounded.
import { XMLParser, XMLValidator } from "fast-xml-parser";

export const DEFAULT_MAX_XML_BYTES = 64 * 1024;

/** A decrypted or plaintext message or event. */
export interface InboundMessage {
  readonly kind: "message";
  /** The account (gh_…) or, on WeCom, the CorpID. */
  readonly toUser: string;
  /** The sender's OpenID, or WeCom UserID. */
  readonly fromUser: string;
  /** Seconds since the epoch. */
  readonly createTime: number;
  /** "text", "event", "image", … */
  readonly msgType: string;
  readonly content?: string;
  /** Absent on events. A decimal string: it exceeds 2^53. */
  readonly msgId?: string;
  readonly event?: string;
  readonly eventKey?: string;
  readonly agentId?: string;
  /** A voice message's text, when the account has speech recognition switched on. */
  readonly recognition?: string;
  /** Present in compatible mode, where the body carries both forms. */
  readonly encrypt?: string;
}

/** Safe mode: only the ciphertext, to be checked with msg_signature and decrypted, then parsed again. */
export interface EncryptedEnvelope {
  readonly kind: "encrypted";
  readonly toUser?: string;
  readonly agentId?: string;
  readonly encrypt: string;
}

export type XmlError = "too-large" | "doctype-not-allowed" | "malformed" | "not-a-message";

export type ParseResult =
  | { readonly ok: true; readonly value: InboundMessage | EncryptedEnvelope }
  | { readonly ok: false; readonly error: XmlError };

const parser = new XMLParser({
  parseTagValue: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  htmlEntities: false,
  // Only the five predefined XML entities remain possible (DTDs are refused before parsing); these limits
  // are a second fence in case that check is ever loosened.
  processEntities: { enabled: true, maxEntityCount: 1, maxEntitySize: 1, maxTotalExpansions: 10_000, maxExpandedLength: DEFAULT_MAX_XML_BYTES },
  // Messages are two levels deep; a few events (pictures, scans) nest up to four.
  maxNestedTags: 8,
});

export function parseInbound(xml: string, maxBytes = DEFAULT_MAX_XML_BYTES): ParseResult {
  // The length check first, so a huge string is rejected without scanning it.
  if (typeof xml !== "string" || xml.length > maxBytes || Buffer.byteLength(xml, "utf8") > maxBytes) return fail("too-large");
  // Looked for outside CDATA only, so a user who types "<!DOCTYPE" in a message is not refused.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ""))) return fail("doctype-not-allowed");
  // The parser alone is lenient (it accepts unclosed tags), so validate first.
  if (XMLValidator.validate(xml) !== true) return fail("malformed");
  let root: unknown;
  try {
    root = (parser.parse(xml) as Record<string, unknown>).xml;
  } catch {
    return fail("malformed");
  }
  if (!isRecord(root)) return fail("not-a-message");
  const fields = root;
  const text = (name: string): string | undefined | null => {
    const value = fields[name];
    return value === undefined || typeof value === "string" ? value : null; // null: repeated or nested
  };
  const names = ["ToUserName", "FromUserName", "CreateTime", "MsgType", "Content", "MsgId", "Event", "EventKey", "AgentID", "Recognition", "Encrypt"] as const;
  const f = Object.fromEntries(names.map((n) => [n, text(n)])) as Record<(typeof names)[number], string | undefined | null>;
  if (Object.values(f).includes(null)) return fail("not-a-message");

  const { ToUserName: toUser, FromUserName: fromUser, CreateTime: createTime, MsgType: msgType } = f;
  if (toUser && fromUser && createTime && msgType) {
    if (!/^\d{1,12}$/.test(createTime)) return fail("not-a-message");
    return ok({
      kind: "message",
      toUser,
      fromUser,
      createTime: Number(createTime),
      msgType,
      ...optional({ content: f.Content, msgId: f.MsgId, event: f.Event, eventKey: f.EventKey, agentId: f.AgentID, recognition: f.Recognition, encrypt: f.Encrypt }),
    });
  }
  if (f.Encrypt) return ok({ kind: "encrypted", encrypt: f.Encrypt, ...optional({ toUser, agentId: f.AgentID }) });
  return fail("not-a-message");
}

/** The passive reply: XML in the body of the same HTTP response. */
export function buildTextReply(reply: { toUser: string; fromUser: string; content: string; createTime?: number }): string {
  const createTime = reply.createTime ?? Math.floor(Date.now() / 1000);
  return (
    `<xml><ToUserName>${cdata(reply.toUser)}</ToUserName><FromUserName>${cdata(reply.fromUser)}</FromUserName>` +
    `<CreateTime>${integer(createTime)}</CreateTime><MsgType><![CDATA[text]]></MsgType>` +
    `<Content>${cdata(reply.content)}</Content></xml>`
  );
}

/** The reply in safe mode: `encrypt` is the encrypted reply XML, `msgSignature` = sign(token, timestamp, nonce, encrypt). */
export function buildEncryptedReply(reply: { encrypt: string; msgSignature: string; timestamp: number | string; nonce: string }): string {
  return (
    `<xml><Encrypt>${cdata(reply.encrypt)}</Encrypt><MsgSignature>${cdata(reply.msgSignature)}</MsgSignature>` +
    `<TimeStamp>${integer(reply.timestamp)}</TimeStamp><Nonce>${cdata(reply.nonce)}</Nonce></xml>`
  );
}

// Characters XML 1.0 cannot carry at all (C0 controls other than tab/newline/CR, lone surrogates, U+FFFE/U+FFFF):
// one of them would make WeChat reject the whole reply, so they are dropped.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A CDATA section holding any text: "]]>" would end it early, so it is split across two sections. */
function cdata(text: string): string {
  return `<![CDATA[${text.replace(NOT_XML, "").replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

function integer(value: number | string): string {
  const text = String(value);
  if (!/^\d{1,12}$/.test(text)) throw new RangeError(`not a timestamp: ${text}`);
  return text;
}

/** Drops undefined and empty fields, so optional properties are absent rather than undefined. */
function optional<T extends Record<string, string | null | undefined>>(fields: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === "string" && v !== "")) as Partial<Record<keyof T, string>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function ok(value: InboundMessage | EncryptedEnvelope): ParseResult {
  return { ok: true, value };
}

function fail(error: XmlError): ParseResult {
  return { ok: false, error };
}
