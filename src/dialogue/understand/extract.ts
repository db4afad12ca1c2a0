/**
 * Reads one message into segments and what each says: the readers run in an order that keeps
 * them from misreading each other (school years before stays, ages before money, money before places).
 */
import { readAges } from "./ages.js";
import { answerPhrases, readAnswers } from "./answers.js";
import { hasDisabilityWord, readDisability } from "./disability.js";
import { hasIncomeWord, readMoney } from "./income.js";
import { readConditions, readEnums, readFlags } from "./keywords.js";
import type { Mention, Subject } from "./mentions.js";
import { readPlaces } from "./places.js";
import { readSchool } from "./school.js";
import { SegmentReader, type ReadContext } from "./segment-reader.js";
import { segments } from "./segments.js";

const READERS = [readAnswers, readDisability, readEnums, readFlags, readConditions, readSchool, readAges, readMoney, readPlaces] as const;

export interface ReadSegment {
  /** The segment's text as written (subject words blanked). */
  readonly text: string;
  readonly subject: Subject;
  readonly named: boolean;
  /** "I and my wife both ...": see Segment. */
  readonly withSelf?: boolean;
  readonly mentions: readonly Mention[];
  /** What no reader understood: left for the answer to the question asked. */
  readonly rest: string;
  readonly empty: boolean;
}

/** `aboutAsked` tells, per subject, whether it is the person the question asked about. */
export function extract(normalized: string, context: Omit<ReadContext, "aboutAsked" | "topics" | "message">, aboutAsked: (s: Subject) => boolean): ReadSegment[] {
  const topics = topicsOf(normalized, context.ask);
  return segments(normalized, answerPhrases(context.ask)).map((seg) => {
    const reader = new SegmentReader(seg.text, { ...context, topics, message: normalized, aboutAsked: aboutAsked(seg.subject) });
    for (const read of READERS) read(reader);
    return { text: seg.text, subject: seg.subject, named: seg.named, ...(seg.withSelf && { withSelf: true }), mentions: reader.mentions, rest: reader.rest, empty: reader.empty };
  });
}

export type { Mention, Subject };

const DISABILITY_ASKS = new Set(["disabled", "disabilityGrade", "disabilityKind", "disabilityDiagnosed"]);

/** Topics of the whole message: "my son has a certificate, grade 2, intellectual" makes the grade and kind a disability's. */
function topicsOf(text: string, ask: string): ReadonlySet<string> {
  const topics = new Set<string>();
  if (DISABILITY_ASKS.has(ask) || hasDisabilityWord(text)) topics.add("disability");
  if (hasIncomeWord(text)) topics.add("income");
  return topics;
}
