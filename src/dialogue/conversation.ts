// The conversation core: (state, input) -> (state, replies). Pure: no I/O, no channel library,
// no clock. Every input, however odd, gets a reply and a valid state back.
import type { Lang } from "../catalogue/mod.js";
import { ruleset as shippedRuleset, screenHousehold, type Ruleset } from "../engine/mod.js";
import { translator, type Translate } from "../i18n/mod.js";
import { factDefinition } from "../profile/facts.js";
import { normalize, parseCommand, parseCorrection, type Command } from "./understand/mod.js";
import { ask } from "./ask.js";
import { readAnswer, type Answer } from "./answer.js";
import { ASSISTANCE_FACTS, RESIDENCE_FACTS, factKey, parseKey, setFact } from "./keys.js";
import { CONTINUE_WORDS, LIST_ALL_WORDS, cityIn } from "./lexicon.js";
import { progressOf } from "./progress.js";
import { renderResults, renderUniversal } from "./results.js";
import { nextQuestion } from "./selection.js";
import { initialState, type DialogueState } from "./state.js";
import type { Effect, Reply } from "./reply.js";

export interface Turn {
  readonly state: DialogueState;
  readonly replies: readonly Reply[];
  readonly effects: readonly Effect[];
}

/** Longer input is cut: nothing a screening needs is that long, and it keeps every turn fast. */
const MAX_INPUT = 2000;
/** Unreadable answers before the question is left unknown and the conversation moves on. */
const MAX_TRIES = 3;

export function start(lang: Lang = "zh-CN", rules: Ruleset = shippedRuleset()): Turn {
  const t = translator(lang);
  return proceed(t, initialState(lang), rules, [{ text: t("welcome") }]);
}

/** Told of every error respond() catches (the user sees only an apology): the service logs them, tests count them. */
let errorListener: ((error: unknown) => void) | undefined;

export function onCoreError(listener: ((error: unknown) => void) | undefined): void {
  errorListener = listener;
}

export function respond(state: DialogueState, input: unknown, rules: Ruleset = shippedRuleset()): Turn {
  const text = typeof input === "string" ? input.slice(0, MAX_INPUT) : "";
  try {
    return handle(state, text, rules);
  } catch (error) {
    errorListener?.(error);
    // A bug must not cost the user their answers: keep the state, apologise, re-ask.
    const t = translator(state.lang);
    return { state, replies: [{ text: t("error.internal") }, ...reask(t, state)], effects: [] };
  }
}

function handle(state: DialogueState, text: string, rules: Ruleset): Turn {
  const t = translator(state.lang);
  const tapped = /^#([\w.]+)=(.*)$/s.exec(text.trim());
  if (tapped) return answer(t, state, tapped[1]!, tapped[2]!, true, rules);

  const command = parseCommand(text);
  if (command) return runCommand(t, state, command.command, command.lang, rules);

  const fresh = state.asked.length === 0 && state.pending === null && state.phase === "asking";
  if (fresh) return start(state.lang, rules);

  const words = normalize(text);
  if (LIST_ALL_WORDS.includes(words)) return { state, replies: [renderUniversal(t, state.lang, rules), ...reask(t, state)], effects: [] };
  if (CONTINUE_WORDS.includes(words) && state.phase !== "asking") return proceed(t, { ...state, phase: "more" }, rules, []);

  // An answer the pending question can read wins; only otherwise is the text a correction
  // of an earlier answer ("actually I am 70" while the bot asks about hukou).
  const pendingQ = state.pending ? parseKey(state.pending) : undefined;
  const attempt = state.pending && pendingQ ? readAnswer(t, state.profile, state.pending, pendingQ, text, false) : undefined;
  if (attempt && attempt.type !== "unreadable") return apply(t, state, state.pending!, attempt, rules);

  // Naming a city ("city Jinan", "I live in Qingdao") sets where amounts are shown for.
  const city = cityIn(words);
  if (city && (attempt?.type === "unreadable" || !state.pending)) {
    const moved = { ...state, profile: setFact(state.profile, null, "city", city) };
    const said = [{ text: t("citySet", { city }) }];
    if (state.phase === "results") return showResults(t, moved, rules, said);
    return { state: moved, replies: [...said, ...reask(t, moved)], effects: [] };
  }

  const correction = parseCorrection(text);
  if (correction && factDefinition(correction.fact)) {
    const key = factKey(factDefinition(correction.fact)!.scope === "member" ? 0 : null, correction.fact);
    if (correction.value) {
      const fixed = readAnswer(t, state.profile, key, parseKey(key)!, correction.value, false);
      if (fixed.type === "set") return apply(t, { ...state, pending: state.pending ?? key }, key, fixed, rules, state.pending);
    }
    return { state: { ...state, pending: key, tries: 0 }, replies: [ask(t, state.profile, key)], effects: [] };
  }

  if (attempt) return apply(t, state, state.pending!, attempt, rules);
  return { state, replies: [{ text: t("help.afterResults") }], effects: [] };
}

function runCommand(t: Translate, state: DialogueState, command: Command, lang: Lang | undefined, rules: Ruleset): Turn {
  switch (command) {
    case "restart":
      return start(state.lang, rules);
    case "delete": {
      // The welcome is not repeated: the confirmation comes first, then the first question.
      const fresh = start(state.lang, rules);
      return { state: fresh.state, replies: [{ text: t("deleted") }, ...fresh.replies.slice(1)], effects: [{ type: "delete-data" }] };
    }
    case "lang": {
      const next: Lang = lang ?? (state.lang === "zh-CN" ? "en" : "zh-CN");
      const nt = translator(next);
      const switched = { ...state, lang: next };
      if (state.asked.length === 0 && state.pending === null) return start(next, rules);
      if (state.phase === "results") return showResults(nt, switched, rules, [{ text: nt("langSwitched") }]);
      return { state: switched, replies: [{ text: nt("langSwitched") }, ...reask(nt, switched)], effects: [] };
    }
    case "help":
      return { state, replies: [{ text: t("help.text") }, ...reask(t, state)], effects: [] };
    case "results":
    case "summary":
      return showResults(t, { ...state, pending: null, tries: 0 }, rules, []);
    case "skip":
      if (!state.pending) return { state, replies: [{ text: t("help.afterResults") }], effects: [] };
      return apply(t, state, state.pending, { type: "skip" }, rules);
    case "back":
      return goBack(t, state, rules);
  }
}

function answer(t: Translate, state: DialogueState, key: string, raw: string, tapped: boolean, rules: Ruleset): Turn {
  const q = parseKey(key);
  if (!q) return { state, replies: reask(t, state), effects: [] };
  return apply(t, state, key, readAnswer(t, state.profile, key, q, raw, tapped), rules);
}

/**
 * Records an answer to `key` and moves on. `resume` is the question that was pending when the
 * user corrected an earlier answer instead: the conversation goes back to it.
 */
function apply(t: Translate, state: DialogueState, key: string, result: Answer, rules: Ruleset, resume?: string | null): Turn {
  if (result.type === "skip") {
    return proceed(t, { ...state, skipped: withKey(state.skipped, key), asked: withKey(state.asked, key), pending: null, tries: 0 }, rules, []);
  }
  if (result.type === "unreadable") {
    const tries = state.pending === key ? state.tries + 1 : 1;
    if (tries >= MAX_TRIES) {
      // Never a loop: after a few tries the fact stays unknown and the conversation goes on.
      const moved = { ...state, skipped: withKey(state.skipped, key), asked: withKey(state.asked, key), pending: null, tries: 0 };
      return proceed(t, moved, rules, [{ text: t("retry.giveUp") }]);
    }
    const hint = result.hint ? [{ text: t(result.hint) }] : [];
    return { state: { ...state, pending: key, tries }, replies: [...hint, ask(t, state.profile, key, tries === 1 ? 1 : 2)], effects: [] };
  }
  const answered: DialogueState = {
    ...state,
    profile: result.profile,
    asked: withKey(state.asked, key),
    skipped: state.skipped.filter((k) => k !== key),
    pending: result.again ? key : null,
    tries: 0,
  };
  if (result.again) return { state: answered, replies: [{ text: progressLine(t, answered, rules) }, ask(t, answered.profile, key)], effects: [] };
  if (state.phase === "results") return showResults(t, answered, rules, [{ text: t("updated") }]);
  if (resume && resume !== key) {
    const back = { ...answered, pending: resume };
    return { state: back, replies: [{ text: t("corrected") }, { text: progressLine(t, back, rules) }, ask(t, back.profile, resume)], effects: [] };
  }
  return proceed(t, answered, rules, [{ text: progressLine(t, answered, rules) }]);
}

/** Asks the next question, or shows the results when nothing left would change them. */
function proceed(t: Translate, state: DialogueState, rules: Ruleset, before: Reply[]): Turn {
  const key = nextQuestion(state, rules);
  if (key === null) {
    if (state.phase === "more") return showResults(t, { ...state, pending: null }, rules, [...before, { text: t("nothingMore") }]);
    return showResults(t, { ...state, pending: null }, rules, before);
  }
  const next = { ...state, pending: key, tries: 0 };
  return { state: next, replies: [...before, ask(t, next.profile, key)], effects: [] };
}

function showResults(t: Translate, state: DialogueState, rules: Ruleset, before: Reply[]): Turn {
  const shown: DialogueState = { ...state, phase: "results", pending: null, tries: 0 };
  return { state: shown, replies: [...before, ...renderResults(t, state.lang, state.profile, rules)], effects: [] };
}

function goBack(t: Translate, state: DialogueState, rules: Ruleset): Turn {
  const previous = state.asked[state.asked.length - 1];
  if (!previous) return { state, replies: [{ text: t("back.nothing") }, ...reask(t, state)], effects: [] };
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
  return { state: back, replies: [ask(t, profile, previous)], effects: [] };
}

/** Clears the answer a key recorded, so "back" really re-asks it. */
function forget(profile: DialogueState["profile"], key: string): DialogueState["profile"] {
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
    case "othersDisabled":
      return { ...profile, members: profile.members.map((m, i) => (i > 0 ? withoutFacts(m, ["disabled"]) : m)) };
  }
}

function withoutFacts<T extends object>(member: T, facts: readonly string[]): T {
  const copy = { ...member } as Record<string, unknown>;
  for (const f of facts) delete copy[f];
  return copy as T;
}

function reask(t: Translate, state: DialogueState): Reply[] {
  return state.pending ? [ask(t, state.profile, state.pending)] : [];
}

function progressLine(t: Translate, state: DialogueState, rules: Ruleset): string {
  const outcomes = screenHousehold(rules, state.profile, { unlocks: false }).map((s) => s.outcomes);
  return t("progress", { ...progressOf(rules, outcomes) });
}

function withKey(list: readonly string[], key: string): string[] {
  return list.includes(key) ? [...list] : [...list, key];
}
