// Updates for one chat are handled strictly one after another, replies included, so answers and the
// messages they produce never interleave. Long polling (bot.start) already handles updates one at a
// time, but a webhook receives them concurrently; ChatSessions orders the turns, and this orders
// everything around them (sending the replies, editing the tapped message). Other chats are not held up.
import type { Context, MiddlewareFn } from "grammy";

export function perChat<C extends Context>(keyOf: (ctx: C) => string | undefined = (ctx) => chatKey(ctx)): MiddlewareFn<C> {
  const tails = new Map<string, Promise<void>>();
  return async (ctx, next) => {
    const key = keyOf(ctx);
    if (key === undefined) return next();
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(() => next());
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    try {
      await run;
    } finally {
      // Drop the entry once idle so the map does not grow with every chat ever seen.
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}

function chatKey(ctx: Context): string | undefined {
  return ctx.chat === undefined ? undefined : String(ctx.chat.id);
}
