// What reading one message gives the conversation: what the user meant, and the profile after it.
import type { Profile } from "../../profile/mod.js";
import type { ClientMention } from "../understand/mod.js";

export type Intent = "answer" | "question" | "unsure" | "skip" | "correction" | "unclear";

/** One fact the message set. `member` null: a household or profile fact. */
export interface Recorded {
  readonly member: number | null;
  readonly fact: string;
  readonly value: unknown;
  /** Implied rather than said (a grade implies a certificate): echoed so a mistake shows. */
  readonly inferred?: boolean;
}

/** What the bot should confirm before recording: an approximate age, a hedge, a hukou city. */
export interface Confirm {
  readonly member: number | null;
  readonly fact: string;
  readonly reason: "approximate" | "hedge" | "past" | "conflict" | "household-size" | "where-living" | "period" | "vague";
  readonly candidate?: unknown;
}

export interface Reading {
  readonly intent: Intent;
  readonly profile: Profile;
  readonly recorded: readonly Recorded[];
  /** Whether the question asked is now settled. */
  readonly answered: boolean;
  /** For a question back: the glossary entry asked about. */
  readonly term?: string;
  readonly confirm?: Confirm;
  /** The text says the user asks for someone else. */
  readonly client?: ClientMention;
  /** Members added (the household question asks "anyone else?" after a tap). */
  readonly added: number;
}
