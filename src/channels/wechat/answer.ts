// The work for one message, inside the user's queue: read the outbox, decide, run the core if needed,
// then answer before the deadline (the rest of a long answer goes to the outbox) or keep the whole answer
// as late. Any failure becomes "the service is busy" (or "success" past the deadline), never an exception.
import { translator, LANGS, type Lang } from "../../i18n/mod.js";
import type { Logger } from "../../log/mod.js";
import type { WeChatWebhookOptions } from "./options.js";
import { decide, lateOnly, plainWord, type DecideContext, type Intent } from "./decide.js";
import type { Deadline } from "./deadline.js";
import type { Outbox, OutboxRecord, Received } from "./outbox.js";
import { pagesOf, type Pages } from "./reply.js";
import type { InboundMessage } from "./xml.js";

export interface Answering {
  readonly sessions: WeChatWebhookOptions["sessions"];
  readonly outbox: Outbox;
  readonly received: Received;
  readonly log: Logger;
  readonly now: () => number;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly lateTtlMs: number;
  readonly fallback: (lang: Lang) => string;
}

type Outcome = { readonly kind: "none" } | { readonly kind: "notice"; readonly text: string } | ({ readonly kind: "pages" } & Pages);

const MORE_WORDS: ReadonlySet<string> = new Set(LANGS.flatMap((lang) => wordList(translator(lang)("wechat.more.words", { returnObjects: true }))).map(plainWord));

export function conversationKey(user: string): string {
  return `wechat:${user}`;
}

/** A message seen for the first time. */
export function answerMessage(a: Answering, message: InboundMessage, deadline: Deadline): Promise<string | undefined> {
  return inQueue(a, message.fromUser, deadline, (context) => decide(message, context));
}

/**
 * WeChat's retry of a message already received: the reply the first attempt gave, once it is there; if that
 * was "success" (too late), the late answer if it has arrived since.
 */
export async function answerRetry(a: Answering, message: InboundMessage, key: string, deadline: Deadline): Promise<string | undefined> {
  a.log.info({ event: "wechat.retry" }, "retry of a message already received");
  while (deadline.open) {
    const earlier = await a.received.replyTo(key).catch(() => undefined);
    if (earlier?.content !== undefined) return deadline.answer() ? earlier.content : undefined;
    if (earlier) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return inQueue(a, message.fromUser, deadline, lateOnly);
}

function inQueue(a: Answering, user: string, deadline: Deadline, choose: (context: DecideContext) => Intent): Promise<string | undefined> {
  return a.sessions.run(conversationKey(user), async () => {
    let box: OutboxRecord | undefined;
    try {
      box = await a.outbox.get(user);
      const intent = choose({ box, nowMs: a.now(), lateTtlMs: a.lateTtlMs, moreWords: MORE_WORDS });
      return await deliver(a, user, await realise(a, intent, user, box), deadline);
    } catch (err) {
      a.log.error({ event: "wechat.error", error: (err as Error)?.name ?? "unknown" }, "could not handle a message");
      return deadline.answer() ? a.fallback(box?.lang ?? "zh-CN") : undefined;
    }
  });
}

async function realise(a: Answering, intent: Intent, user: string, box: OutboxRecord | undefined): Promise<Outcome> {
  switch (intent.kind) {
    case "none":
      return intent;
    case "pages":
      return { kind: "pages", pages: intent.pages, lang: intent.lang, forget: false };
    case "notice": {
      const lang = box?.lang ?? (await a.sessions.lang(conversationKey(user)));
      return { kind: "notice", text: translator(lang)(intent.key) };
    }
    case "turn": {
      const pages = pagesOf(await a.sessions.handle(conversationKey(user), intent.input), a.maxBytes, new Date(a.now()));
      return pages.pages.length === 0 && !pages.forget ? { kind: "none" } : { kind: "pages", ...pages };
    }
  }
}

/** The first page now if in time, the rest to the outbox; past the deadline everything is kept as late. */
async function deliver(a: Answering, user: string, outcome: Outcome, deadline: Deadline): Promise<string | undefined> {
  if (outcome.kind === "none") return deadline.answer() ? undefined : undefined;
  if (outcome.kind === "notice") return deadline.answer() ? outcome.text : undefined;
  const [first, ...rest] = outcome.pages;
  if (outcome.forget) {
    await a.outbox.delete(user);
    return deadline.answer() ? first : undefined;
  }
  if (deadline.answer()) {
    await a.outbox.put(user, { lang: outcome.lang, pages: rest, late: false, at: a.now() }).catch(() => a.log.error({ event: "wechat.outbox-failed" }, "could not keep the remaining pages"));
    return first;
  }
  a.log.info({ event: "wechat.late" }, "answer too late for its request, kept for the user's next message");
  await a.outbox.put(user, { lang: outcome.lang, pages: outcome.pages, late: true, at: a.now() });
  return undefined;
}

function wordList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((w): w is string => typeof w === "string" && w.trim() !== "") : [];
}
