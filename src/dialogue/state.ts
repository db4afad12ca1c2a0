// The conversation's whole memory, as plain JSON so any channel can store it (aim: < 2 KB).
// It holds only the answers a screening needs: never a name, never an ID number.
import type { Lang } from "../catalogue/mod.js";
import { validateProfile, type Profile } from "../profile/mod.js";
import type { Relation, Sex } from "./understand/mod.js";

/** Screening someone else (a caseworker, a relative): member 0 is that person, spoken of in the third person. */
export interface ClientMode {
  readonly sex?: Sex;
  /** The client's relation to the person typing, when said ("for my grandmother"). */
  readonly relation?: Relation;
}

export interface DialogueState {
  readonly v: 2;
  readonly lang: Lang;
  /** members[0] is the person chatting (or the client a caseworker screens). */
  readonly profile: Profile;
  /** Question keys answered or skipped, oldest first: the path "back" walks. */
  readonly asked: readonly string[];
  /** Question keys answered "don't know": never asked again, left unknown. */
  readonly skipped: readonly string[];
  /** The question waiting for an answer, if any. */
  readonly pending: string | null;
  /** Unreadable answers to the pending question so far (re-ask with an example, then options). */
  readonly tries: number;
  /** "asking" until results are shown; "results" after; "more" when the user continues past the budget. */
  readonly phase: "asking" | "results" | "more";
  /** Set while screening someone else. */
  readonly client?: ClientMode;
  /** How many services were found when the user was last told (progress never goes backwards). */
  readonly found?: number;
  /** The rules numbered in the last results, so "details 3" finds the third. */
  readonly listed?: readonly string[];
}

export function initialState(lang: Lang = "zh-CN", client?: ClientMode): DialogueState {
  return { v: 2, lang, profile: { members: [{ relation: "self" }] }, asked: [], skipped: [], pending: null, tries: 0, phase: "asking", ...(client && { client }) };
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");
const SEXES: readonly unknown[] = ["female", "male"];
const RELATIONS: readonly unknown[] = ["spouse", "child", "parent", "grandparent", "other"];

/** Reads a stored state back (version 1 or 2); anything malformed gives undefined, so the channel starts afresh. */
export function restoreState(value: unknown): DialogueState | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const s = value as Record<string, unknown>;
  if ((s.v !== 1 && s.v !== 2) || (s.lang !== "zh-CN" && s.lang !== "en")) return undefined;
  if (!isStringList(s.asked) || !isStringList(s.skipped)) return undefined;
  if (s.pending !== null && typeof s.pending !== "string") return undefined;
  if (typeof s.tries !== "number" || !["asking", "results", "more"].includes(s.phase as string)) return undefined;
  const checked = validateProfile(s.profile);
  if (!checked.ok) return undefined;
  const client = restoreClient(s.client);
  if (client === null) return undefined;
  if (s.found !== undefined && typeof s.found !== "number") return undefined;
  if (s.listed !== undefined && !isStringList(s.listed)) return undefined;
  return {
    v: 2,
    lang: s.lang,
    profile: checked.profile,
    asked: s.asked.map(renamed),
    skipped: s.skipped.map(renamed),
    pending: s.pending === null ? null : renamed(s.pending),
    tries: s.tries,
    phase: s.phase as DialogueState["phase"],
    ...(client && { client }),
    ...(typeof s.found === "number" && { found: s.found }),
    ...(s.listed !== undefined && { listed: s.listed as string[] }),
  };
}

/** Keys saved by version 1 under their old names. */
function renamed(key: string): string {
  return key === "othersDisabled" ? "who.disabled" : key;
}

/** undefined: none; null: malformed. */
function restoreClient(value: unknown): ClientMode | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null) return null;
  const c = value as Record<string, unknown>;
  if (c.sex !== undefined && !SEXES.includes(c.sex)) return null;
  if (c.relation !== undefined && !RELATIONS.includes(c.relation)) return null;
  return { ...(c.sex !== undefined && { sex: c.sex as Sex }), ...(c.relation !== undefined && { relation: c.relation as Relation }) };
}
