// How each fact is asked: the kind of answer it takes and when it makes sense to ask it.
// Whether a question is worth asking is decided elsewhere (selection.ts), by the rules.
import { factDefinition } from "../profile/facts.js";
import { ASSISTANCE_FACTS } from "./keys.js";
import type { Member, Profile } from "../profile/profile.js";

export type AnswerKind = "yesno" | "choice" | "number" | "multi";

/** Facts the conversation may ask about each member, and when the question makes sense. */
const MEMBER_QUESTIONS: Readonly<Record<string, (m: Member, p: Profile) => boolean>> = {
  age: () => true,
  // No basic service for children depends on sex; for adults it does (screenings, maternity).
  sex: (m) => known(m.age) && m.age! >= 15,
  hukou: () => true,
  hukouType: () => true,
  monthsResident: (m) => m.hukou === "shandong" || m.hukou === "other-province",
  residencePermit: (m) => m.hukou === "shandong" || m.hukou === "other-province",
  disabled: () => true,
  disabilityGrade: (m) => m.disabled === true,
  disabilityKind: (m) => m.disabled === true,
  school: (m) => known(m.age) && m.age! >= 2 && m.age! <= 30,
  boarding: (m) => m.school === "primary" || m.school === "junior" || m.school === "senior",
  work: (m) => known(m.age) && m.age! >= 16,
  registeredUnemployed: (m) => m.work === "unemployed" || m.work === "none",
  employeeInsurance: (m) => known(m.age) && m.age! >= 16 && m.work !== "none",
  pregnant: (m) => m.sex !== "male" && known(m.age) && m.age! >= 15 && m.age! <= 50,
  planningPregnancy: (m) => m.sex !== "male" && known(m.age) && m.age! >= 18 && m.age! <= 50 && m.pregnant !== true,
  veteran: (m) => known(m.age) && m.age! >= 18,
  // A child listed as the user's own child has a parent present; ask about orphanhood only
  // when the screened person is the child themself or another young relative.
  orphan: (m) => known(m.age) && m.age! < 18 && (m.relation === "self" || m.relation === "other"),
  conditions: (m) => known(m.age) && m.age! >= 15,
};

/** Household facts the conversation may ask about (the four assistance facts go through "assist"). */
const HOUSEHOLD_QUESTIONS: Readonly<Record<string, (p: Profile) => boolean>> = {
  incomePerPersonMonthly: () => true,
  housing: () => true,
  noOneEmployed: (p) => p.members.some((m) => !known(m.age) || (m.age! >= 16 && m.age! < 60)),
  suddenHardship: () => true,
  incomeVsDibaoLine: (p) => p.household?.dibao !== true,
  familyPlanning: (p) => p.members.some((m) => m.age == null || m.age >= 18),
  redevelopmentArea: (p) => p.household?.housing !== "public-rental" && p.household?.housing !== "none",
};

function known(v: unknown): boolean {
  return v !== undefined && v !== null;
}

export function memberQuestionFacts(): string[] {
  return Object.keys(MEMBER_QUESTIONS);
}

export function householdQuestionFacts(): string[] {
  return Object.keys(HOUSEHOLD_QUESTIONS);
}

export function makesSenseToAsk(profile: Profile, member: number | null, fact: string): boolean {
  if (member === null) return HOUSEHOLD_QUESTIONS[fact]?.(profile) ?? false;
  const m = profile.members[member];
  return m !== undefined && (MEMBER_QUESTIONS[fact]?.(m, profile) ?? false);
}

/**
 * Whether the conversation could ever ask about `fact` for this member: member facts through
 * their own question, household facts (the four assistance facts through "assist") for the
 * household. A service whose missing facts are not all askable does not concern this person
 * (a pregnancy service for a child): it is neither worth a question nor worth listing.
 */
export function canAsk(profile: Profile, member: number, fact: string): boolean {
  const scope = factDefinition(fact)?.scope;
  if (scope === "member") return makesSenseToAsk(profile, member, fact);
  if ((ASSISTANCE_FACTS as readonly string[]).includes(fact)) return true;
  return makesSenseToAsk(profile, null, fact);
}

export function answerKind(fact: string): AnswerKind {
  const def = factDefinition(fact);
  if (!def) return "choice";
  if (def.type === "boolean") return "yesno";
  if (def.type === "number") return "number";
  if (def.type === "enum-list") return "multi";
  return "choice";
}

/** Income ranges offered as options (yuan per person per month); typed amounts are always welcome. */
export const INCOME_RANGES: readonly (readonly [number, number | null])[] = [
  [0, 1000], [1000, 2000], [2000, 3000], [3000, 5000], [5000, null],
];
