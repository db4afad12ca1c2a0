/**
 * What a message says, before it is tied to the profile: facts about a subject (the person
 * chatting, the household, a relative named in the text), and things the reader is not sure of.
 */
export type Relation = "spouse" | "child" | "parent" | "grandparent" | "other";
export type Sex = "female" | "male";

/** Who a part of the message is about. */
export type Subject =
  | { readonly kind: "asked" }
  | { readonly kind: "self" }
  | { readonly kind: "household" }
  | { readonly kind: "third" }
  /** "the two of us", "the old couple": the user and their spouse. */
  | { readonly kind: "couple" }
  /** "the third person" in a caseworker's line per member: member `index` (0-based), added if not yet listed. */
  | { readonly kind: "member"; readonly index: number }
  | {
      readonly kind: "relation";
      readonly id: number;
      readonly relation: Relation;
      readonly word: string;
      readonly count: number;
      readonly sex?: Sex;
      /** Not one of the household: died, or lives away ("my son works in another city"). */
      readonly absent: boolean;
      /** Absent because away, not dead: a person already listed, or named as living here in the same message, stays who they are. */
      readonly away: boolean;
      /** Whose relative: the typist's ("my dad"), the person spoken of ("her husband"), or unsaid. */
      readonly owner: "user" | "third" | "plain";
    };

/** A fact the text states. `inferred`: implied rather than said (a disability grade implies a certificate). */
export interface FactMention {
  readonly kind: "fact";
  readonly fact: string;
  readonly value: unknown;
  readonly inferred?: boolean;
}

/** Something the text says about a fact that the bot must confirm: an approximate age, a hedge. */
export interface DoubtMention {
  readonly kind: "doubt";
  readonly fact: string;
  readonly reason: "approximate" | "hedge" | "past" | "conflict" | "household-size" | "where-living" | "period" | "vague";
  readonly candidate?: unknown;
}

/** An amount of money: its top (a range counts at its top), period, and whose it is. */
export interface MoneyMention {
  readonly kind: "money";
  readonly top: number;
  readonly low: number;
  readonly period: "month" | "year" | "unknown";
  readonly scope: "person" | "household" | "unknown";
  /** Money that is not income (the dibao payment): sets nothing but dibao. */
  readonly benefit: boolean;
}

/** A hukou place named by city ("from Linyi"): local or elsewhere in Shandong depends on where they live. */
export interface HukouPlaceMention {
  readonly kind: "hukouPlace";
  readonly city: string;
}

/** How many people live on the money named ("the two of us", "three people"). */
export interface SizeMention {
  readonly kind: "size";
  readonly count: number;
}

export type Mention = FactMention | DoubtMention | MoneyMention | HukouPlaceMention | SizeMention;

export function fact(name: string, value: unknown, inferred = false): FactMention {
  return inferred ? { kind: "fact", fact: name, value, inferred } : { kind: "fact", fact: name, value };
}

export function doubt(name: string, reason: DoubtMention["reason"], candidate?: unknown): DoubtMention {
  return candidate === undefined ? { kind: "doubt", fact: name, reason } : { kind: "doubt", fact: name, reason, candidate };
}
