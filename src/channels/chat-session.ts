// The glue every channel shares: load a user's conversation, run the core, store the result.
// Turns for one user run strictly one after another, so a fast tapper loses no answer; a stored
// state that no longer reads (corrupt, old version) starts a fresh conversation instead of failing.
import { respond, restoreState, start, type Turn } from "../dialogue/mod.js";
import { parseCommand } from "../dialogue/understand/mod.js";
import type { Lang } from "../catalogue/mod.js";
import type { SessionStore } from "../store/mod.js";

export class ChatSessions {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: SessionStore,
    private readonly defaultLang: Lang = "zh-CN",
  ) {}

  /** Handles one message from `key` (e.g. "telegram:42"); resolves with the core's turn. */
  handle(key: string, input: string): Promise<Turn> {
    return this.serialise(key, async () => {
      const stored = await this.store.get(key);
      const state = stored ? restoreState(stored.state) : undefined;
      const turn = state ? respond(state, input) : firstTurn(input, this.defaultLang);
      if (turn.effects.some((e) => e.type === "delete-data")) await this.store.delete(key);
      else await this.store.set(key, turn.state);
      return turn;
    });
  }

  /** Starts over for `key` (a channel's /start): the old state is dropped. */
  restart(key: string, lang: Lang = this.defaultLang): Promise<Turn> {
    return this.serialise(key, async () => {
      const turn = start(lang);
      await this.store.set(key, turn.state);
      return turn;
    });
  }

  /** Forgets `key` at once (a channel's /delete). */
  forget(key: string): Promise<void> {
    return this.serialise(key, () => this.store.delete(key));
  }

  private serialise<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.queues.set(key, settled);
    // Drop the queue entry once idle so the map does not grow with every user ever seen.
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return next;
  }
}

/** A first message (a greeting, /start) is answered with the welcome; a language choice there is honoured. */
function firstTurn(input: string, lang: Lang): Turn {
  const opening = start(lang);
  return parseCommand(input)?.command === "lang" ? respond(opening.state, input) : opening;
}
