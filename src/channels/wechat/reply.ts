// What goes back to WeChat: the core's replies as one text (options as numbered lines), cut into pages
// of a passive reply's size, and the reply XML itself, encrypted and signed in safe mode. Pure.
import { randomInt } from "node:crypto";
import type { Reply, Turn } from "../../dialogue/mod.js";
import { translator, type Lang, type Translate } from "../../i18n/mod.js";
import type { MessageCrypto } from "./crypto.js";
import { sign } from "./signature.js";
import { DEFAULT_MAX_BYTES, numberedOptions, splitByBytes, utf8Length } from "./text-limit.js";
import { buildEncryptedReply, buildTextReply, type InboundMessage } from "./xml.js";

export const XML_TYPE = "application/xml; charset=utf-8";

/** The pages a turn shows, or none when it says nothing; `forget` when the user deleted their data. */
export interface Pages {
  readonly pages: readonly string[];
  readonly lang: Lang;
  readonly forget: boolean;
}

export function pagesOf(turn: Turn, maxBytes = DEFAULT_MAX_BYTES): Pages {
  const lang = turn.state.lang;
  const t = translator(lang);
  const text = turn.replies.map((r) => renderReply(t, r)).join("\n\n");
  const forget = turn.effects.some((e) => e.type === "delete-data");
  return { pages: text.trim() === "" ? [] : paginate(t, text, maxBytes), lang, forget };
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

export interface ReplySigner {
  readonly token: string;
  readonly crypto?: MessageCrypto;
}

/** The passive reply's body for `content` to the sender of `message`: plain XML, or the encrypted envelope. */
export function passiveReply(message: InboundMessage, content: string, signer: ReplySigner, nowMs: number): string {
  const createTime = Math.floor(nowMs / 1000);
  const xml = buildTextReply({ toUser: message.fromUser, fromUser: message.toUser, content, createTime });
  if (!signer.crypto) return xml;
  const encrypt = signer.crypto.encrypt(xml);
  const timestamp = String(createTime);
  const nonce = String(randomInt(100_000_000, 1_000_000_000));
  return buildEncryptedReply({ encrypt, msgSignature: sign(signer.token, timestamp, nonce, encrypt), timestamp, nonce });
}
