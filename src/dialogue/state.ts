// The conversation's whole memory, as plain JSON so any channel can store it (aim: < 2 KB).
// It holds only the answers a screening needs: never a name, never an ID number.
import type { Lang } from "../catalogue/mod.js";
import { validateProfile, type Profile } from "../profile/mod.js";

export interface DialogueState {
  readonly v: 1;
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
}

export function initialState(lang: Lang = "zh-CN"): DialogueState {
  return { v: 1, lang, profile: { members: [{ relation: "self" }] }, asked: [], skipped: [], pending: null, tries: 0, phase: "asking" };
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");

/** Reads a stored state back; anything malformed gives undefined, so the channel starts afresh. */
export function restoreState(value: unknown): DialogueState | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const s = value as Record<string, unknown>;
  if (s.v !== 1 || (s.lang !== "zh-CN" && s.lang !== "en")) return undefined;
  if (!isStringList(s.asked) || !isStringList(s.skipped)) return undefined;
  if (s.pending !== null && typeof s.pending !== "string") return undefined;
  if (typeof s.tries !== "number" || !["asking", "results", "more"].includes(s.phase as string)) return undefined;
  const checked = validateProfile(s.profile);
  if (!checked.ok) return undefined;
  return { v: 1, lang: s.lang, profile: checked.profile, asked: s.asked, skipped: s.skipped, pending: s.pending, tries: s.tries, phase: s.phase as DialogueState["phase"] };
}
