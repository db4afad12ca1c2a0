// Moving the conversation on: the next question or the results, going back one question, and the
// progress line (shown only when more services were found, so it never goes backwards).
import { screenHousehold, type Ruleset } from "../engine/mod.js";
import { catalogue } from "../catalogue/mod.js";
import type { Translate } from "../i18n/mod.js";
import type { Profile } from "../profile/mod.js";
import { ask } from "./ask.js";
import { ASSISTANCE_FACTS, RESIDENCE_FACTS, parseKey, setFact } from "./keys.js";
import type { Effect, Reply } from "./reply.js";
import { renderSummary } from "./results/summary.js";
import { nextQuestion } from "./selection.js";
import type { DialogueState } from "./state.js";

export interface Turn {
  readonly state: DialogueState;
  readonly replies: readonly Reply[];
  readonly effects: readonly Effect[];
}

export function turnOf(state: DialogueState, replies: readonly Reply[], effects: readonly Effect[] = []): Turn {
  return { state, replies, effects };
}

/** Asks the next question, or shows the results when nothing left would change them. */
export function proceed(t: Translate, state: DialogueState, rules: Ruleset, before: Reply[]): Turn {
  const key = nextQuestion(state, rules);
  if (key === null) {
    const notice = state.phase === "more" ? [{ text: t("nothingMore") }] : [];
    return showResults(t, { ...state, pending: null }, rules, [...before, ...notice]);
  }
  const next = { ...state, pending: key, tries: 0 };
  return turnOf(next, [...before, ask(t, next.profile, key, 0, next.client)]);
}

export function showResults(t: Translate, state: DialogueState, rules: Ruleset, before: Reply[], whole = false): Turn {
  const rendered = renderSummary({ t, lang: state.lang, profile: state.profile, rules, ...(state.client && { client: state.client }) }, whole);
  const shown: DialogueState = { ...state, phase: "results", pending: null, tries: 0, listed: rendered.listed, found: foundCount(state.profile, rules) };
  return turnOf(shown, [...before, ...rendered.replies]);
}

export function reask(t: Translate, state: DialogueState): Reply[] {
  return state.pending ? [ask(t, state.profile, state.pending, 0, state.client)] : [];
}

/** "So far N services found", when N grew since the user was last told. */
export function progress(t: Translate, state: DialogueState, rules: Ruleset): { state: DialogueState; replies: Reply[] } {
  const found = foundCount(state.profile, rules);
  if (found <= (state.found ?? 0)) return { state, replies: [] };
  return { state: { ...state, found }, replies: [{ text: t("progress", { count: found }) }] };
}

/** Targeted services someone in the household can apply for. */
function foundCount(profile: Profile, rules: Ruleset): number {
  const { byId } = catalogue();
  const outcomes = screenHousehold(rules, profile, { unlocks: false });
  return rules.rules.filter((r) => !byId.get(r.service)?.universal && outcomes.some((o) => o.outcomes[r.index]?.status === "eligible")).length;
}

export function goBack(t: Translate, state: DialogueState): Turn {
  const previous = state.asked[state.asked.length - 1];
  if (!previous) return turnOf(state, [{ text: t("back.nothing") }, ...reask(t, state)]);
  const profile = forget(state.profile, previous);
  const back: DialogueState = {
    ...state,
    profile,
    asked: state.asked.slice(0, -1),
    skipped: state.skipped.filter((k) => k !== previous),
    pending: previous,
    tries: 0,
    phase: state.phase === "results" ? "asking" : state.phase,
  };
  return turnOf(back, [ask(t, profile, previous, 0, back.client)]);
}

/** Clears the answer a key recorded, so "back" really re-asks it. */
function forget(profile: Profile, key: string): Profile {
  const q = parseKey(key);
  if (!q) return profile;
  switch (q.kind) {
    case "fact":
      return setFact(profile, q.member, q.fact, undefined);
    case "assist":
      return ASSISTANCE_FACTS.reduce((p, f) => setFact(p, null, f, undefined), profile);
    case "members":
      return { ...profile, members: profile.members.slice(0, 1) };
    case "ages":
      return { ...profile, members: profile.members.map((m, i) => (i > 0 && m.relation === q.relation ? withoutFacts(m, ["age"]) : m)) };
    case "sameResidence":
      return { ...profile, members: profile.members.map((m, i) => (i > 0 ? withoutFacts(m, RESIDENCE_FACTS) : m)) };
    case "who":
      // Back over a household question: everyone it answered is unknown again.
      return { ...profile, members: profile.members.map((m) => withoutFacts(m, [q.fact])) };
  }
}

function withoutFacts<T extends object>(member: T, facts: readonly string[]): T {
  const copy = { ...member } as Record<string, unknown>;
  for (const f of facts) delete copy[f];
  return copy as T;
}

export function withKey(list: readonly string[], key: string): string[] {
  return list.includes(key) ? [...list] : [...list, key];
}
