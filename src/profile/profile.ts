// The household profile: the public input format of a screening (docs/profile.md).
// Every field is optional; missing or null means "unknown", never "no".
import { FACTS, INPUT_FACTS } from "./facts.js";
import { DERIVED_FACTS, deriveFact } from "./derived.js";

export type Relation = "self" | "spouse" | "child" | "parent" | "grandparent" | "other";
export type Housing = "owned" | "renting" | "public-rental" | "none" | "unsafe-rural";
export type Hukou = "local" | "shandong" | "other-province";
export type School = "none" | "preschool" | "primary" | "junior" | "senior" | "vocational" | "higher";
export type Work = "employed" | "self-employed" | "flexible" | "farming" | "unemployed" | "retired" | "none";
export type DisabilityKind = "visual" | "hearing" | "speech" | "physical" | "intellectual" | "mental" | "multiple";
export type HealthCondition = "hypertension" | "diabetes" | "severe-mental-illness" | "tuberculosis";

export interface Household {
  dibao?: boolean | null;
  lowIncome?: boolean | null;
  tekun?: boolean | null;
  povertyRegistered?: boolean | null;
  incomePerPersonMonthly?: number | null;
  housing?: Housing | null;
  noOneEmployed?: boolean | null;
  incomeVsDibaoLine?: "below-line" | "near-line" | "above-near-line" | null;
  familyPlanning?: "one-child" | "two-daughters" | "only-child-disabled" | "only-child-deceased" | "none" | null;
  redevelopmentArea?: boolean | null;
  suddenHardship?: boolean | null;
  heavyMedicalCosts?: boolean | null;
  /** Office checks (facts.json decidedBy "office"): never asked, may come in a batch profile. */
  localHousingCriteria?: boolean | null;
  legalAidHardship?: boolean | null;
}

export interface Member {
  relation?: Relation | null;
  age?: number | null;
  ageMonths?: number | null;
  sex?: "female" | "male" | null;
  hukou?: Hukou | null;
  hukouType?: "urban" | "rural" | null;
  monthsResident?: number | null;
  residencePermit?: boolean | null;
  disabled?: boolean | null;
  disabilityGrade?: 1 | 2 | 3 | 4 | null;
  disabilityKind?: DisabilityKind | null;
  school?: School | null;
  boarding?: boolean | null;
  work?: Work | null;
  registeredUnemployed?: boolean | null;
  employeeInsurance?: boolean | null;
  residentPensionInsured?: boolean | null;
  unemploymentInsured?: boolean | null;
  employmentDifficulty?: boolean | null;
  recentGraduate?: boolean | null;
  pregnant?: boolean | null;
  monthsPregnant?: number | null;
  planningPregnancy?: boolean | null;
  veteran?: boolean | null;
  recentlyDischarged?: boolean | null;
  keyEntitled?: boolean | null;
  orphan?: boolean | null;
  leftBehind?: boolean | null;
  disabilityDiagnosed?: boolean | null;
  agriculturalMajor?: boolean | null;
  financialNeedStudent?: boolean | null;
  nutritionProgramme?: boolean | null;
  conditions?: HealthCondition[] | null;
}

export interface Profile {
  city?: string | null;
  household?: Household | null;
  members: Member[];
}

/** The facts one rule evaluation sees: the member's own facts, the household's and the city, flat. */
export type FactMap = Record<string, unknown>;

const HOUSEHOLD_FACTS = INPUT_FACTS.filter((f) => f.scope === "household").map((f) => f.name);
const MEMBER_FACTS = INPUT_FACTS.filter((f) => f.scope === "member").map((f) => f.name);
const PROFILE_FACTS = INPUT_FACTS.filter((f) => f.scope === "profile").map((f) => f.name);
for (const name of FACTS.filter((f) => f.derived).map((f) => f.name)) {
  if (!DERIVED_FACTS.includes(name)) throw new Error(`data/facts.json: derived fact "${name}" has no computation in derived.ts`);
}
const TEMPLATE: FactMap = Object.fromEntries(FACTS.map((f) => [f.name, undefined]));

/**
 * Flattens the profile for one member. Unknown facts are simply absent. Only vocabulary facts
 * are copied, by name: it is the hot path of every screening, and stray keys have no place in rules.
 */
export function factsFor(profile: Profile, memberIndex: number): FactMap {
  // Starting from one template keeps every fact map the same shape, which keeps lookups fast.
  const facts: FactMap = { ...TEMPLATE };
  copyKnown(profile as unknown as Record<string, unknown>, PROFILE_FACTS, facts);
  copyKnown(profile.household as Record<string, unknown> | null | undefined, HOUSEHOLD_FACTS, facts);
  copyKnown(profile.members[memberIndex] as Record<string, unknown> | undefined, MEMBER_FACTS, facts);
  for (const name of DERIVED_FACTS) {
    const value = deriveFact(name, profile, memberIndex);
    if (value !== null && value !== undefined) facts[name] = value;
  }
  return facts;
}

function copyKnown(source: Record<string, unknown> | null | undefined, names: readonly string[], target: FactMap): void {
  if (!source) return;
  for (const name of names) {
    const value = source[name];
    if (value !== null && value !== undefined) target[name] = value;
  }
}
