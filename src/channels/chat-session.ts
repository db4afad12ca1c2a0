// The glue every channel shares: load a user's conversation, run the core, store the result.
// - Turns for one user run one after another through the one per-user queue (KeyedQueue); across
//   instances a compare-and-set on the session's version decides, and the loser runs its turn again
//   on the state the winner stored, so no answer is lost or applied twice.
// - A client that says which turn it answers (the web page) gets the stored replies back for a turn
//   already applied, without applying it again.
// - A conversation nothing has been answered in is not stored when the client can say its turn.
// - A store that fails (Redis down, disk full) costs the user one "please send again", never a crash.
// - A stored state that no longer reads (corrupt, old version) starts a fresh conversation.
import { respond, start, type DialogueState, type Turn } from "../dialogue/mod.js";
import { parseCommand } from "../dialogue/understand/mod.js";
import { translator, type Lang } from "../i18n/mod.js";
import { silentLogger, type Logger } from "../log/mod.js";
import type { SessionStore } from "../store/mod.js";
import { KeyedQueue } from "./keyed-queue.js";
import { envelope, lastReplies, readEnvelope, untouched, type Envelope } from "./session-envelope.js";

export interface SessionTurn extends Turn {
  /** The turn the user's next input answers (send it back as `turn`). */
  readonly turn: number;
  /** True when these are the stored replies of a turn already applied. */
  readonly replayed: boolean;
  /** True when the store failed: nothing was applied, the reply asks to send again. */
  readonly failed: boolean;
}

export interface HandleOptions {
  /** The turn this input answers; without it every input is applied (Telegram, WeChat, the terminal). */
  readonly turn?: number;
  /** The client's language, for a conversation not stored yet. */
  readonly lang?: Lang;
}

export interface ChatSessionsOptions {
  readonly defaultLang?: Lang;
  readonly log?: Logger;
}

/** Compare-and-set attempts before a turn is given up as a conflict (other instances kept winning). */
const MAX_ATTEMPTS = 50;

export class ChatSessions {
  private readonly queue = new KeyedQueue();
  private readonly defaultLang: Lang;
  private readonly log: Logger;

  constructor(
    private readonly store: SessionStore,
    options: ChatSessionsOptions | Lang = {},
  ) {
    const o = typeof options === "string" ? { defaultLang: options } : options;
    this.defaultLang = o.defaultLang ?? "zh-CN";
    this.log = o.log ?? silentLogger();
  }

  /** Handles one message from `key` (e.g. "telegram:42") in the user's queue. */
  handle(key: string, input: string, options: HandleOptions = {}): Promise<SessionTurn> {
    return this.run(key, () => this.guard(options.lang, options.turn, () => this.apply(key, input, options)));
  }

  /**
   * The opening of a conversation not stored yet (a web page's first request): nothing is stored, so a
   * flood of new sessions costs no memory; the client's first answer (turn 0) then starts it for real.
   */
  greet(input: string, lang: Lang = this.defaultLang): SessionTurn {
    return { ...firstTurn(input, lang), turn: 0, replayed: false, failed: false };
  }

  /** Starts over for `key` (a channel's /start): the old state is dropped. */
  restart(key: string, lang: Lang = this.defaultLang): Promise<SessionTurn> {
    return this.run(key, () =>
      this.guard(lang, undefined, async () => {
        const turn = start(lang);
        await this.store.set(key, envelope(turn.state, 0, null));
        return { ...turn, turn: 0, replayed: false, failed: false };
      }),
    );
  }

  /** Forgets `key` at once (a channel's /delete). */
  forget(key: string): Promise<void> {
    return this.run(key, () => this.store.delete(key));
  }

  /** The stored conversation, read without a turn (a channel's printable handout); undefined when there is none. */
  async state(key: string): Promise<DialogueState | undefined> {
    return readEnvelope((await this.store.get(key))?.state)?.dialogue;
  }

  /** The conversation's language, or the default when there is none (or the store cannot say). */
  async lang(key: string): Promise<Lang> {
    const stored = await this.store.get(key).catch(() => undefined);
    return readEnvelope(stored?.state)?.dialogue.lang ?? this.defaultLang;
  }

  /** Runs channel work in `key`'s queue, e.g. WeChat's outbox around a turn; handle() inside it does not wait for itself. */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    return this.queue.run(key, work);
  }

  private async apply(key: string, input: string, options: HandleOptions): Promise<SessionTurn> {
    const lang = options.lang ?? this.defaultLang;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stored = await this.store.get(key);
      const current = readEnvelope(stored?.state);
      const replay = replayFor(current, options.turn, lang);
      if (replay) return replay;
      const from = current ? current.dialogue : options.turn === 0 ? start(lang).state : null;
      const turn = from ? respond(from, input) : firstTurn(input, lang);
      const number = (current?.turn ?? 0) + 1;
      if (turn.effects.some((e) => e.type === "delete-data")) {
        await this.store.delete(key);
        return { ...turn, turn: 0, replayed: false, failed: false };
      }
      if (!current && options.turn !== undefined && untouched(turn.state) && turn.state.lang === lang) {
        return { ...turn, turn: 0, replayed: false, failed: false };
      }
      if (await this.store.set(key, envelope(turn.state, number, { from, input }), { ifVersion: stored?.version ?? 0 })) {
        return { ...turn, turn: number, replayed: false, failed: false };
      }
      this.log.debug({ event: "session.conflict", attempt }, "another instance stored this conversation first; running the turn again");
      // A short random pause, so two instances that keep colliding fall out of step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3 * (attempt + 1)));
    }
    throw new Error("the conversation kept changing under this turn");
  }

  /** A store failure becomes a short "send it again" reply and one log line. */
  private async guard(lang: Lang | undefined, turn: number | undefined, work: () => Promise<SessionTurn>): Promise<SessionTurn> {
    try {
      return await work();
    } catch (err) {
      this.log.error({ event: "session.store-failed", error: (err as Error)?.name ?? "unknown" }, "a turn could not be stored");
      const opening = start(lang ?? this.defaultLang);
      return { state: opening.state, replies: [{ text: translator(opening.state.lang)("service.tryAgain") }], effects: [], turn: turn ?? 0, replayed: false, failed: true };
    }
  }
}

/**
 * The stored replies when the client answers a turn other than the current one: a resend of the turn just
 * applied, or a page left open on an old question. A conversation that expired meanwhile starts again.
 */
function replayFor(current: Envelope | undefined, turn: number | undefined, lang: Lang): SessionTurn | undefined {
  if (turn === undefined) return undefined;
  if (!current) {
    if (turn === 0) return undefined;
    const opening = start(lang);
    return { ...opening, turn: 0, replayed: true, failed: false };
  }
  if (turn === current.turn) return undefined;
  return { state: current.dialogue, replies: lastReplies(current), effects: [], turn: current.turn, replayed: true, failed: false };
}

/** A first message (a greeting, /start) is answered with the welcome; a language choice there is honoured. */
function firstTurn(input: string, lang: Lang): Turn {
  const opening = start(lang);
  return parseCommand(input)?.command === "lang" ? respond(opening.state, input) : opening;
}
