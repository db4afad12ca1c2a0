// What a message leads to, given what the user has not been shown yet (the outbox). No I/O and no clock
// of its own: the webhook runs the core when this says "turn", and turns the core's replies into pages.
import type { Lang } from "../../i18n/mod.js";
import { normalize, parseCommand } from "../../dialogue/understand/mod.js";
import type { OutboxRecord } from "./outbox.js";
import type { InboundMessage } from "./xml.js";

export type Intent =
  /** Show these pages (a late answer, or the next page of a long one) instead of running the core. */
  | { readonly kind: "pages"; readonly pages: readonly string[]; readonly lang: Lang }
  /** Run the core on this input. */
  | { readonly kind: "turn"; readonly input: string }
  /** A one-off notice; the outbox is left alone. */
  | { readonly kind: "notice"; readonly key: "wechat.textOnly" | "service.voiceNotRecognised" }
  /** Answer "success" (unknown events). */
  | { readonly kind: "none" };

export interface DecideContext {
  readonly box: OutboxRecord | undefined;
  readonly nowMs: number;
  /** A late answer older than this is dropped. */
  readonly lateTtlMs: number;
  /** The words that ask for the next page (wechat.more.words in the locales), already made plain with plainWord. */
  readonly moreWords: ReadonlySet<string>;
}

export function decide(message: InboundMessage, { box, nowMs, lateTtlMs, moreWords }: DecideContext): Intent {
  const late = box?.late && nowMs - box.at <= lateTtlMs ? box : undefined;
  const text = textOf(message);
  if (text !== undefined) {
    // A pending late answer goes first: the user has not seen the question this message may answer.
    // Deleting one's data is the exception, and must never wait.
    if (late && parseCommand(text)?.command !== "delete") return { kind: "pages", pages: late.pages, lang: late.lang };
    if (box && !box.late && moreWords.has(plainWord(text))) return { kind: "pages", pages: box.pages, lang: box.lang };
    return { kind: "turn", input: text };
  }
  if (message.msgType === "event") return message.event?.toLowerCase() === "subscribe" ? { kind: "turn", input: "" } : { kind: "none" };
  // A picture, an unrecognised voice message, a location…: the core reads text only.
  if (late) return { kind: "pages", pages: late.pages, lang: late.lang };
  return { kind: "notice", key: message.msgType === "voice" ? "service.voiceNotRecognised" : "wechat.textOnly" };
}

/** For a retry whose first attempt answered "success": the late answer, if it has arrived since. */
export function lateOnly({ box, nowMs, lateTtlMs }: DecideContext): Intent {
  return box?.late && nowMs - box.at <= lateTtlMs ? { kind: "pages", pages: box.pages, lang: box.lang } : { kind: "none" };
}

/** What the user said: a text message's content, or a voice message's recognised text. */
function textOf(message: InboundMessage): string | undefined {
  if (message.msgType === "text") return message.content ?? "";
  if (message.msgType === "voice" && message.recognition?.trim()) return message.recognition;
  return undefined;
}

/** A word as typed, made comparable: normalised (width, case, spaces) and without end punctuation. */
export function plainWord(text: string): string {
  return normalize(text).replace(/[\s.!?~,\u3002]+$/u, "");
}
