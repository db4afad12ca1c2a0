// Checks untrusted input (a file, a line of NDJSON, a stored session) against the facts vocabulary.
// The first problem found is reported as one line naming the field, so a caseworker can fix it.
import { INPUT_FACTS, isDerived, type FactDefinition, type FactScope } from "./facts.js";
import type { Profile } from "./profile.js";

export type Validation = { ok: true; profile: Profile } | { ok: false; error: string };

const FACTS_IN: Record<FactScope, ReadonlyMap<string, FactDefinition>> = {
  profile: scoped("profile"),
  household: scoped("household"),
  member: scoped("member"),
};

function scoped(scope: FactScope): ReadonlyMap<string, FactDefinition> {
  return new Map(INPUT_FACTS.filter((f) => f.scope === scope).map((f) => [f.name, f]));
}

class ProfileError extends Error {}

export function validateProfile(input: unknown): Validation {
  try {
    return { ok: true, profile: checkProfile(input) };
  } catch (err) {
    if (err instanceof ProfileError) return { ok: false, error: err.message };
    throw err;
  }
}

function fail(field: string, problem: string): never {
  throw new ProfileError(`${field}: ${problem}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkProfile(input: unknown): Profile {
  if (!isPlainObject(input)) fail("profile", "must be a JSON object with a \"members\" list");
  const profile: Profile = { members: [] };
  for (const [key, value] of Object.entries(input)) {
    if (key === "members" || key === "household") continue;
    const def = FACTS_IN.profile.get(key);
    if (isDerived(key)) fail(key, "is computed from the other answers; leave it out");
    if (!def) fail(key, "is not a profile field (expected city, household, members)");
    setChecked(profile as unknown as Record<string, unknown>, def, value, key);
  }
  if (input.household != null) {
    if (!isPlainObject(input.household)) fail("household", "must be an object");
    profile.household = checkFacts(input.household, FACTS_IN.household, "household");
  }
  const members = input.members;
  if (!Array.isArray(members)) fail("members", "must be a list of household members");
  if (members.length === 0) fail("members", "must list at least one person");
  if (members.length > 30) fail("members", "lists more than 30 people");
  profile.members = members.map((m, i) => {
    if (!isPlainObject(m)) fail(`members[${i}]`, "must be an object");
    return checkFacts(m, FACTS_IN.member, `members[${i}]`);
  });
  return profile;
}

function checkFacts<T>(input: Record<string, unknown>, allowed: ReadonlyMap<string, FactDefinition>, where: string): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const def = allowed.get(key);
    if (isDerived(key)) fail(`${where}.${key}`, "is computed from the other answers; leave it out");
    if (!def) fail(`${where}.${key}`, "is not a known field (see docs/profile.md)");
    setChecked(out, def, value, `${where}.${key}`);
  }
  return out as T;
}

function setChecked(target: Record<string, unknown>, def: FactDefinition, value: unknown, field: string): void {
  if (value === null || value === undefined) return; // unknown
  target[def.name] = checkValue(def, value, field);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

export function checkValue(def: FactDefinition, value: unknown, field: string): unknown {
  switch (def.type) {
    case "boolean":
      if (typeof value !== "boolean") fail(field, `must be true or false, got ${describe(value)}`);
      return value;
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) fail(field, `must be a number, got ${describe(value)}`);
      if (def.min !== undefined && value < def.min) fail(field, `must be at least ${def.min}, got ${value}`);
      if (def.max !== undefined && value > def.max) fail(field, `must be at most ${def.max}, got ${value}`);
      return value;
    }
    case "enum":
      if (!def.values?.includes(value as string | number)) fail(field, `must be one of ${def.values?.map((v) => JSON.stringify(v)).join(", ")}; got ${describe(value)}`);
      return value;
    case "enum-list": {
      if (!Array.isArray(value)) fail(field, `must be a list, got ${describe(value)}`);
      for (const item of value) {
        if (!def.values?.includes(item as string)) fail(field, `must only contain ${def.values?.map((v) => JSON.stringify(v)).join(", ")}; got ${describe(item)}`);
      }
      return [...new Set(value as string[])];
    }
  }
}
