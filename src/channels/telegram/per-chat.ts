// Updates for one chat are handled strictly one after another, replies included, so answers and the
// messages they produce never interleave. A webhook (and the runner's concurrent long polling) receive
// updates concurrently; this puts everything an update does (the turn, sending the replies, editing the
// tapped message) in the chat's queue, the same queue ChatSessions runs the turn in, so there is one
// queue per user, not two. Other chats are not held up.
import type { Context, MiddlewareFn } from "grammy";
import type { ChatSessions } from "../chat-session.js";

export function perChat<C extends Context>(sessions: Pick<ChatSessions, "run">, keyOf: (ctx: C) => string | undefined = chatKey): MiddlewareFn<C> {
  return (ctx, next) => {
    const key = keyOf(ctx);
    return key === undefined ? next() : sessions.run(key, next);
  };
}

/** The same key ChatSessions stores the conversation under. */
export function chatKey(ctx: Context): string | undefined {
  return ctx.chat === undefined ? undefined : `telegram:${ctx.chat.id}`;
}
