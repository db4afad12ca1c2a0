/**
 * One segment being read: the text not yet used, and what has been found. Each reader takes
 * the words it understands (blanking them out) so that no later reader reads them again:
 * a school year is never a stay of years.
 */
import type { Mention } from "./mentions.js";
import { blank } from "./words.js";
import { charSet, chars } from "./lexicon.js";

const PARTICLES = new RegExp(`[\\s${chars(charSet("segment", "particles"))}]`, "gu");

export interface ReadContext {
  /** What the bot asked: a fact name, or "assistance", "members", "opening". */
  readonly ask: string;
  /** Whether this segment is about the person the question asked about. */
  readonly aboutAsked: boolean;
  /** This year, for "born in 1958". */
  readonly year: number;
  /** This month (1-12), for "came in March last year". */
  readonly month: number;
  /** What the message as a whole talks about ("disability": a grade in another clause is a disability grade). */
  readonly topics: ReadonlySet<string>;
  /** The whole message, for answers that need two of its clauses ("only one daughter ... she died"). */
  readonly message: string;
}

export class SegmentReader {
  rest: string;
  readonly mentions: Mention[] = [];

  constructor(readonly text: string, readonly context: ReadContext) {
    this.rest = text;
  }

  take(start: number, end: number): void {
    this.rest = blank(this.rest, start, end);
  }

  add(...mentions: Mention[]): void {
    this.mentions.push(...mentions);
  }

  /** Whether a fact has been found already in this segment. */
  found(fact: string): boolean {
    return this.mentions.some((m) => (m.kind === "fact" || m.kind === "doubt") && m.fact === fact);
  }

  /** Whether nothing but spaces and particles is left. */
  get empty(): boolean {
    return this.rest.replace(PARTICLES, "") === "";
  }
}
