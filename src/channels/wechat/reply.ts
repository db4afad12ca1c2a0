// What goes back to WeChat: the core's replies as one text (options as numbered lines; the handout, when
// asked for, as text after them), cut into pages of a passive reply's size, and the reply XML itself,
// encrypted and signed in safe mode. Pure.
import { randomInt } from "node:crypto";
import type { Reply, Turn } from "../../dialogue/mod.js";
import { translator, type Lang, type Translate } from "../../i18n/mod.js";
import { screeningHandout } from "../../report/mod.js";
import type { MessageCrypto } from "./crypto.js";
import { handoutPages } from "./handout.js";
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

/** `when`: the handout's date, when the turn asks for the handout. */
export function pagesOf(turn: Turn, maxBytes = DEFAULT_MAX_BYTES, when = new Date()): Pages {
  const { lang, profile, client } = turn.state;
  const t = translator(lang);
  const text = turn.replies.map((r) => renderReply(t, r)).join("\n\n");
  const forget = turn.effects.some((e) => e.type === "delete-data");
  if (turn.effects.some((e) => e.type === "handout")) {
    return { pages: handoutPages(t, screeningHandout(profile, lang, when, client), text, (all) => paginate(t, all, maxBytes)), lang, forget };
  }
  // The summary says how to open a line ("details 1") only at its end; pages before that say it in their hint.
  const hint = text.includes(t("results.next")) ? "wechat.more.hintResults" : "wechat.more.hint";
  return { pages: text.trim() === "" ? [] : paginate(t, text, maxBytes, hint), lang, forget };
}

/**
 * One reply as WeChat text: options become numbered choices, or plain shortcuts when the answer is typed.
 * Where several may be chosen the core's question says so, but only its retry says how to type them.
 */
export function renderReply(t: Translate, reply: Reply): string {
  const options = reply.options ?? [];
  if (options.length === 0) return reply.text;
  if (reply.numbered !== false) {
    const numbered = numberedOptions(reply.text, options);
    return reply.multiple && !SAYS_HOW.some((key) => reply.text.includes(t(key))) ? `${numbered}\n${t("wechat.several")}` : numbered;
  }
  const labels = options.map((o) => t("wechat.shortcut", { label: o.label })).join(" / ");
  return `${reply.text}\n${t("wechat.shortcuts", { labels })}`;
}

/** The core's examples for questions with several answers, which its retries put before the question. */
const SAYS_HOW = ["example.multi", "example.assist", "example.who", "example.members"] as const;

/**
 * `text` as pages of at most `maxBytes` UTF-8 bytes; every page but the last ends with the "more" hint.
 * Room for the hint is kept as if there were 999 pages, so no page outgrows the limit once numbered.
 */
export function paginate(t: Translate, text: string, maxBytes = DEFAULT_MAX_BYTES, hintKey: "wechat.more.hint" | "wechat.more.hintResults" = "wechat.more.hint"): string[] {
  if (utf8Length(text) <= maxBytes) return [text];
  const hint = (n: number, m: number) => `\n\n${t(hintKey, { n, m })}`;
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
