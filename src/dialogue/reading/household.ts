// The two questions about the household as a whole: which assistance it receives (a checklist:
// what is named is received, what is not is not), and who else lives in it ("my wife and two kids",
// option numbers "1 2 2", "just me", "my wife passed away" = nobody).
import type { Profile } from "../../profile/mod.js";
import { ALONE, alt, chars, DECEASED, LEX, matchOption, normalize, words, type ReadSegment } from "../understand/mod.js";
import { ASSISTANCE_FACTS, setFact } from "../keys.js";
import { answerOptions } from "./options.js";
import type { ReadInput } from "./read.js";
import type { Recorded } from "./types.js";

export interface HouseholdAnswer {
  readonly profile: (after: Profile) => Profile;
  readonly recorded: readonly Recorded[];
}

const NONE: ReadonlySet<string> = new Set(words("answer", "none"));
const NUMBERS_ONLY = new RegExp(`^(?:[0-9\\s,${chars(LEX.reading.clauseBreakChars)}]|${alt(words("answer", "listJoiners"))})+$`, "u");
const LIST_SPLIT = new RegExp(`[\\s,${chars(LEX.reading.clauseBreakChars)}]+|${alt(words("answer", "listJoiners"))}`, "u");
const END = new RegExp(`[\\s~${chars(LEX.reading.clauseBreakChars)}]+$`, "u");

/** `recorded`: what the message's clauses set, put together (so "had dibao, stopped last year" counts as no dibao). */
export function householdAnswer(input: ReadInput, body: string, segs: readonly ReadSegment[], recorded: readonly Recorded[]): HouseholdAnswer | undefined {
  if (input.key === "assist") return assistance(input, body, segs, recorded);
  if (input.key === "members") return members(input, body, segs);
  return undefined;
}

function assistance(input: ReadInput, body: string, segs: readonly ReadSegment[], recorded: readonly Recorded[]): HouseholdAnswer | undefined {
  const text = normalize(body).replace(/\p{Extended_Pictographic}/gu, "").replace(END, "").trim();
  const named = new Map<string, boolean>();
  for (const r of recorded) if (r.member === null && (ASSISTANCE_FACTS as readonly string[]).includes(r.fact)) named.set(r.fact, r.value === true);
  // Option numbers: "1 4", "1 and 4", "the third one".
  const options = answerOptions(input.t, input.profile, "assist");
  const doubted = segs.some((s) => s.mentions.some((m) => m.kind === "doubt"));
  if (doubted && named.size === 0) return undefined;
  const picked = NUMBERS_ONLY.test(text) ? text.split(LIST_SPLIT).filter(Boolean) : named.size === 0 && text.length <= 6 ? [text] : [];
  if (picked.length > 0) {
    for (const n of picked) {
      const value = matchOption(n, options);
      if (value === "none") return allFalse();
      if (value && value !== "?") named.set(value, true);
    }
  }
  if (named.size === 0) return NONE.has(text) || text.split(/\s+/u).every((w) => NONE.has(w)) ? allFalse() : undefined;
  const positive = [...named.values()].some(Boolean);
  // A checklist: what is not named is not received; but "near-dibao" says nothing of dibao in the user's own words.
  const unnamed = (f: string) => (positive && !(f === "dibao" && named.get("lowIncome") === true) ? false : undefined);
  const values = ASSISTANCE_FACTS.map((f) => [f, named.get(f) ?? unnamed(f)] as const);
  return {
    profile: (after) => values.reduce((p, [f, v]) => (v === undefined ? p : setFact(p, null, f, v)), after),
    recorded: values.filter(([, v]) => v !== undefined).map(([fact, value]) => ({ member: null, fact, value })),
  };
}

function allFalse(): HouseholdAnswer {
  return {
    profile: (after) => ASSISTANCE_FACTS.reduce((p, f) => setFact(p, null, f, false), after),
    recorded: ASSISTANCE_FACTS.map((fact) => ({ member: null, fact, value: false })),
  };
}

function members(input: ReadInput, body: string, segs: readonly ReadSegment[]): HouseholdAnswer | undefined {
  const text = normalize(body);
  const options = answerOptions(input.t, input.profile, "members");
  // Option numbers typed in one message: "1 2 2" = spouse and two children.
  if (NUMBERS_ONLY.test(text)) {
    const relations = text.split(LIST_SPLIT).filter(Boolean).map((n) => matchOption(n, options));
    if (relations.some((r) => r === undefined)) return undefined;
    if (relations.includes("none")) return { profile: (p) => p, recorded: [] };
    return addRelations(input.profile, relations as string[]);
  }
  const named = segs.some((s) => s.subject.kind === "relation");
  if (named) return { profile: (p) => p, recorded: [] };
  if (ALONE.has(text) || NONE.has(text) || DECEASED.has(text)) return { profile: (p) => p, recorded: [] };
  return undefined;
}

function addRelations(profile: Profile, relations: readonly string[]): HouseholdAnswer {
  const hasSpouse = profile.members.some((m, i) => i > 0 && m.relation === "spouse");
  const fresh = relations.filter((r, i) => r !== "spouse" || (!hasSpouse && relations.indexOf("spouse") === i));
  const first = profile.members.length;
  return {
    profile: (after) => ({ ...after, members: [...after.members, ...fresh.map((relation) => ({ relation: relation as "child" }))] }),
    recorded: fresh.map((value, k) => ({ member: first + k, fact: "relation", value })),
  };
}
