// Reading one message in the conversation: what the user meant (an answer, a question back, a
// hedge, a skip, a correction) and every fact it states, on the right person. The same code
// serves the conversation and `npm run -s understand`.
import type { Profile } from "../../profile/mod.js";
import type { Translate } from "../../i18n/mod.js";
import { factDefinition } from "../../profile/mod.js";
import { charSet, chars, clientIn, extract, isHedged, LEX, normalize, questionBack, wordSet, ALONE, type Mention, type ReadSegment } from "../understand/mod.js";
import { parseKey, setFact } from "../keys.js";
import { assemble } from "./assemble.js";
import { fallbackMentions } from "./fallbacks.js";
import { householdAnswer } from "./household.js";
import { answerOptions, type AnswerOption } from "./options.js";
import { householdSizeSaid } from "./size.js";
import { Subjects } from "./subjects.js";
import type { Confirm, Intent, Reading, Recorded } from "./types.js";

export interface ReadInput {
  readonly t: Translate;
  readonly profile: Profile;
  /** The question key waiting for an answer ("m0.age", "h.incomePerPersonMonthly", "assist", "members"), or "opening". */
  readonly key: string;
  readonly text: string;
  /** Today, for "born in 1958" and "came in March last year". */
  readonly year: number;
  readonly month: number;
  /** Whether the household's members are known (the household question was answered). */
  readonly householdKnown: boolean;
  /** Screening someone else: member 0 is the client. */
  readonly client: boolean;
}

const R = LEX.reading;
const CORRECTION = wordSet([...R.correctionWords, ...R.correctionWordsEn]);
const CORRECTION_PATTERN = new RegExp(R.correctionPattern, "u");
const SKIP = wordSet(R.skipWords);

export function readMessage(input: ReadInput): Reading {
  const text = normalize(input.text);
  const unchanged = (intent: Intent, extra: Partial<Reading> = {}): Reading => ({ intent, profile: input.profile, recorded: [], answered: false, added: 0, ...extra });
  if (!text) return unchanged("unclear");
  const q = parseKey(input.key);
  const askedFact = q?.kind === "fact" ? q.fact : input.key === "assist" ? "dibao" : "";
  const back = questionBack(text, askedFact);
  if (back) return unchanged("question", back.term ? { term: back.term } : {});
  const client = clientIn(text);
  const body = client ? `${client.said ?? ""} ${text.slice(client.end)}` : text;
  const asked = client ? 0 : q?.kind === "fact" ? q.member : q?.kind === "assist" ? null : 0;
  const subjects = new Subjects(input.profile, {
    asked,
    mode: input.key === "members" ? "adding" : input.key === "opening" || client ? "opening" : "asking",
    client: input.client || Boolean(client),
    ...(client?.relation && { clientRelation: client.relation }),
  });
  const segs = extract(body, { ask: contextAsk(input.key), year: input.year, month: input.month }, (s) => subjects.isAsked(s))
    .map(dropSkipped)
    .map((seg) => hedgedAnswer(seg, askedFact, subjects));
  // The asked fact doubted ("maybe pregnant, not checked yet") or stated by its own words ("graduated a year ago, no job"):
  // then no other clause is read as the plain answer.
  const doubted = segs.some((s) => subjects.isAsked(s.subject) && s.mentions.some((m) => ((m.kind === "doubt" && (m.reason === "hedge" || m.reason === "past")) || m.kind === "fact") && m.fact === askedFact));
  let options: readonly AnswerOption[] | undefined;
  const fallback = { key: input.key, profile: input.profile, options: () => (options ??= answerOptions(input.t, input.profile, input.key)) };
  const withAnswers: (ReadSegment & { extra: readonly Mention[] })[] = [];
  for (const seg of segs) withAnswers.push({ ...seg, extra: echoed(seg, withAnswers.at(-1)) ?? fallbackMentions(fallback, seg, subjects, doubted) });
  const assembled = assemble(withAnswers, subjects, {
    householdSize: input.householdKnown || subjects.profile.members.length > 1 ? subjects.profile.members.length : undefined,
    sizeSaid: householdSizeSaid(body, input.householdKnown || subjects.profile.members.length > 1),
    ...(askedFact && { askedFact }),
  });
  const household = householdAnswer(input, body, withAnswers, assembled.recorded);
  let profile = household?.profile(assembled.profile) ?? assembled.profile;
  if (client?.sex) profile = setFact(profile, 0, "sex", client.sex);
  const added = profile.members.slice(input.profile.members.length).map((m, k) => ({ member: input.profile.members.length + k, fact: "relation", value: m.relation }));
  const recorded = [...added.filter((a) => !household?.recorded.some((r) => r.member === a.member)), ...assembled.recorded, ...(household?.recorded ?? [])];
  const answered = isAnswered(input, profile, household !== undefined);
  const confirm = pickConfirm(assembled.confirms, askedFact);
  const changed = assembled.recorded.some((r) => {
    if (r.member === null || r.member >= input.profile.members.length) return false;
    const before = (input.profile.members[r.member] as Record<string, unknown>)[r.fact];
    return known(before) && JSON.stringify(before) !== JSON.stringify(r.value);
  });
  const intent = client ? "answer" : intentOf(text, { askedFact, recorded, answered, confirm, unclear: subjects.unclear, changed, members: input.key === "members" });
  return { intent, profile, recorded, answered, added: subjects.added, ...(confirm && { confirm }), ...(client && { client }) };
}

const ECHO_DENIED: ReadonlySet<string> = new Set(R.echoDenied);
const ECHO_ALSO: ReadonlySet<string> = new Set(R.echoAlso);
const ECHO_ALSO_NOT: ReadonlySet<string> = new Set(R.echoAlsoNot);
const ECHO_END = new RegExp(`[\\s${chars(charSet("segment", "particles"))}${chars(R.clauseBreakChars)}]+$`, "u");

/**
 * "my husband is a veteran, I am not", "my wife has a certificate, I don't", "me too": a clause that names
 * someone else and says only "not" or "too" repeats the yes/no facts of the clause before, for its own subject.
 */
function echoed(seg: ReadSegment, previous: (ReadSegment & { extra: readonly Mention[] }) | undefined): Mention[] | undefined {
  if (!previous || !seg.named || seg.subject === previous.subject || seg.mentions.length > 0) return undefined;
  const said = seg.text.trim().replace(ECHO_END, "");
  const denied = ECHO_DENIED.has(said);
  const also = ECHO_ALSO.has(said);
  if (!denied && !also && !ECHO_ALSO_NOT.has(said)) return undefined;
  const facts = [...previous.mentions, ...previous.extra].filter(
    (m): m is Extract<Mention, { kind: "fact" }> => m.kind === "fact" && typeof m.value === "boolean" && !m.inferred && factDefinition(m.fact)?.scope === "member",
  );
  const echo = facts.flatMap((m): Mention[] => {
    if (denied) return [{ kind: "fact", fact: m.fact, value: !m.value }];
    // "too" repeats a yes, "not either" a no; anything else contradicts itself and says nothing.
    return m.value === also ? [{ kind: "fact", fact: m.fact, value: m.value }] : [];
  });
  return echo.length > 0 ? echo : undefined;
}

/** A hedge in a clause about the person asked ("the doctor says it looks a bit like autism") leaves the asked fact in doubt. */
function hedgedAnswer(seg: ReadSegment, askedFact: string, subjects: Subjects): ReadSegment {
  if (!askedFact || !isHedged(seg.text) || !subjects.isAsked(seg.subject)) return seg;
  if (seg.mentions.some((m) => m.kind === "doubt" && m.fact === askedFact)) return seg;
  return { ...seg, mentions: [...seg.mentions, { kind: "doubt", fact: askedFact, reason: "hedge" }] };
}

/** A segment that says "don't know" records nothing ("don't know whether the employer paid it"). */
function dropSkipped(seg: ReadSegment): ReadSegment {
  return SKIP.has(seg.text) ? { ...seg, mentions: seg.mentions.filter((m) => m.kind === "doubt") } : seg;
}

/** The question as the segment readers see it: a fact name, or the kind of question. */
function contextAsk(key: string): string {
  const q = parseKey(key);
  if (q?.kind === "fact") return q.fact;
  if (key === "assist") return "assistance";
  return key === "members" ? "members" : "opening";
}

function isAnswered(input: ReadInput, profile: Profile, householdAnswered: boolean): boolean {
  const q = parseKey(input.key);
  if (q?.kind === "fact") {
    const value = q.member === null ? ((profile as unknown as Record<string, unknown>)[q.fact] ?? (profile.household as Record<string, unknown> | undefined)?.[q.fact]) : (profile.members[q.member] as Record<string, unknown> | undefined)?.[q.fact];
    return value !== undefined && value !== null;
  }
  return householdAnswered;
}

/** The confirmation that matters most: the asked fact first. */
function pickConfirm(confirms: readonly Confirm[], askedFact: string): Confirm | undefined {
  return confirms.find((c) => c.fact === askedFact) ?? confirms[0];
}

const known = (v: unknown) => v !== undefined && v !== null;

interface IntentInput {
  readonly askedFact: string;
  readonly recorded: readonly Recorded[];
  readonly answered: boolean;
  readonly confirm: Confirm | undefined;
  readonly unclear: boolean;
  /** The message changes an answer given before. */
  readonly changed: boolean;
  readonly members: boolean;
}

/**
 * A message that changes an earlier answer (and does not answer the question asked) is a
 * correction; a doubt about the asked fact, or a doubt with nothing else said, is "unsure".
 */
function intentOf(text: string, i: IntentInput): Intent {
  if (CORRECTION.has(text) || CORRECTION_PATTERN.test(text)) return "correction";
  if (i.answered) return "answer";
  if (i.changed) return "correction";
  const doubtful = i.unclear || i.confirm !== undefined;
  if (doubtful && (i.confirm?.fact === i.askedFact || i.recorded.length === 0)) return "unsure";
  if (i.recorded.length > 0) return "answer";
  if (doubtful) return "unsure";
  if (SKIP.has(text)) return "skip";
  if (i.members && ALONE.has(text)) return "answer";
  return "unclear";
}

export type { Mention };
