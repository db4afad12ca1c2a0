// What ChatSessions keeps per user: the conversation's state, plus the number of turns applied and how the
// last one was made. The turn number is what makes a turn idempotent: a client that says which turn it
// answers can resend after a lost reply and get the same replies back, instead of its answer being taken as
// the answer to the next question. The core is a pure function, so the last turn's replies are made again
// from the state before it and its input, rather than stored (results pages are many kilobytes).
import { respond, restoreState, start, type DialogueState, type Reply } from "../dialogue/mod.js";

export interface LastTurn {
  /** The state the last input was applied to; null: the opening (start) in `dialogue`'s language. */
  readonly from: DialogueState | null;
  readonly input: string;
}

export interface Envelope {
  readonly v: 2;
  readonly dialogue: DialogueState;
  /** Turns applied since the conversation (re)started; the next input answers turn `turn`. */
  readonly turn: number;
  readonly last: LastTurn | null;
}

/** Reads what the store holds; the first format (a bare state) reads as turn 0. Anything else: undefined. */
export function readEnvelope(value: unknown): Envelope | undefined {
  if (typeof value === "object" && value !== null && (value as { v?: unknown }).v === 2) {
    const e = value as Record<string, unknown>;
    const dialogue = restoreState(e.dialogue);
    if (!dialogue || !Number.isInteger(e.turn) || (e.turn as number) < 0) return undefined;
    return { v: 2, dialogue, turn: e.turn as number, last: readLast(e.last) };
  }
  const dialogue = restoreState(value);
  return dialogue ? { v: 2, dialogue, turn: 0, last: null } : undefined;
}

export function envelope(dialogue: DialogueState, turn: number, last: LastTurn | null): Envelope {
  return { v: 2, dialogue, turn, last };
}

/** The replies the last turn gave, made again; without a record of it, the opening. */
export function lastReplies(e: Envelope): readonly Reply[] {
  if (!e.last) return start(e.dialogue.lang).replies;
  return e.last.from ? respond(e.last.from, e.last.input).replies : start(e.dialogue.lang).replies;
}

/** A state nothing has been answered in yet: it need not be stored (a flood of new sessions stores nothing). */
export function untouched(state: DialogueState): boolean {
  return state.asked.length === 0 && state.skipped.length === 0 && state.phase === "asking";
}

function readLast(value: unknown): LastTurn | null {
  if (typeof value !== "object" || value === null) return null;
  const { from, input } = value as { from?: unknown; input?: unknown };
  if (typeof input !== "string") return null;
  if (from === null) return { from: null, input };
  const state = restoreState(from);
  return state ? { from: state, input } : null;
}
