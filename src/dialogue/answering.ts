// What a typed message does to the conversation: it is read (reading/), then recorded, asked
// back about, explained, or re-asked. A question back records nothing; a hedge asks to confirm;
// more facts than asked are all kept and echoed; after a few unreadable answers the question is
// left unknown, so the conversation never loops.
import type { Ruleset } from "../engine/mod.js";
import type { Translate } from "../i18n/mod.js";
import { ask } from "./ask.js";
import { readAnswer, type Answer } from "./answer.js";
import { echoLine, needsEcho } from "./echo.js";
import { progress, proceed, reask, showResults, turnOf, withKey, type Turn } from "./flow.js";
import { getFact, parseKey } from "./keys.js";
import { readMessage } from "./reading/read.js";
import type { Reading } from "./reading/types.js";
import { confirmReply, questionBackReply } from "./replies.js";
import type { Reply } from "./reply.js";
import { renderAnswers } from "./results/answers.js";
import { initialState, type DialogueState } from "./state.js";

export interface TypedInput {
  readonly text: string;
  readonly year: number;
  readonly month: number;
  /** How many times an unreadable answer is asked again (0 for piped input: a line never shifts onto the next question). */
  readonly retries: number;
}

/** Keys whose typed answers the older, narrower reader handles (lists of ages, yes/no for everyone). */
const LIST_KEYS = /^(?:ages\.|sameResidence$|who\.)/;

export function answerTyped(t: Translate, state: DialogueState, rules: Ruleset, input: TypedInput): Turn {
  const key = state.pending ?? "opening";
  if (state.pending && LIST_KEYS.test(key)) {
    const q = parseKey(key)!;
    const listed = readAnswer(t, state.profile, key, q, input.text, false, state.client);
    // Not an answer to the list, but it may say something else ("income is 30,000 a year"): keep that.
    const other = listed.type === "unreadable" ? read(t, state, input, key) : undefined;
    if (!other || (other.intent !== "answer" && other.intent !== "correction") || other.recorded.length === 0) return applyAnswer(t, state, key, listed, rules, input.retries);
    return record(t, state, rules, { ...other, answered: false });
  }
  const reading = read(t, state, input, key);
  if (reading.client) return startClient(t, state, rules, input, reading);
  return applyReading(t, state, rules, reading, input.retries);
}

function read(t: Translate, state: DialogueState, input: TypedInput, key: string): Reading {
  return readMessage({
    t,
    profile: state.profile,
    key,
    text: input.text,
    year: input.year,
    month: input.month,
    householdKnown: state.asked.includes("members") || state.profile.members.length > 1,
    client: state.client !== undefined,
  });
}

function applyReading(t: Translate, state: DialogueState, rules: Ruleset, reading: Reading, retries: number): Turn {
  switch (reading.intent) {
    case "question":
      return turnOf(state, [questionBackReply(t, state.lang, reading.term), ...reask(t, state)]);
    case "skip":
      return state.pending ? skip(t, state, state.pending, rules, []) : turnOf(state, [{ text: t("help.afterResults") }]);
    case "unsure": {
      const confirm = confirmReply(t, state, reading.confirm);
      // After the results nothing is pending: say what needs confirming, and how to go on.
      if (!state.pending) return turnOf(state, [...(confirm ? [confirm] : []), { text: t("help.afterResults") }]);
      return retry(t, state, rules, confirm, retries);
    }
    case "unclear":
      return state.pending ? retry(t, state, rules, undefined, retries) : turnOf(state, [{ text: t("help.afterResults") }]);
    case "answer":
    case "correction":
      return record(t, state, rules, reading);
  }
}

/** Keeps what the message said; moves on when it settled the question, else asks it again. */
function record(t: Translate, state: DialogueState, rules: Ruleset, reading: Reading): Turn {
  if (reading.recorded.length === 0 && !reading.answered) {
    // "change" with nothing after it: show the answers, each can be changed by its number.
    return turnOf(state, [renderAnswers(t, state.lang, state.profile, state.client), ...reask(t, state)]);
  }
  const q = state.pending ? parseKey(state.pending) : undefined;
  // What the profile already held is not news: only what changed is echoed.
  const news = reading.recorded.filter((r) => getFact(state.profile, r.member, r.fact) !== r.value || r.fact === "relation");
  const echo = needsEcho(news, q) ? [echoLine(t, reading.profile, news, state.client)] : [];
  let next: DialogueState = { ...state, profile: reading.profile, tries: 0 };
  if (state.pending && reading.answered) next = { ...next, asked: withKey(next.asked, state.pending), skipped: next.skipped.filter((k) => k !== state.pending), pending: null };
  if (state.phase === "results") return showResults(t, { ...next, pending: null }, rules, [{ text: t("updated") }, ...echo]);
  const counted = progress(t, next, rules);
  // The question asked is still open (the message said other things): ask it again.
  if (next.pending) return turnOf(counted.state, [...echo, ...counted.replies, ask(t, next.profile, next.pending, 0, next.client)]);
  return proceed(t, counted.state, rules, [...echo, ...counted.replies]);
}

function retry(t: Translate, state: DialogueState, rules: Ruleset, confirm: Reply | undefined, retries: number): Turn {
  const key = state.pending!;
  const tries = state.tries + 1;
  if (tries > retries) return skip(t, state, key, rules, [{ text: t(retries === 0 ? "retry.piped" : "retry.giveUp") }]);
  const hint = confirm ?? undefined;
  const question = ask(t, state.profile, key, confirm ? 0 : tries === 1 ? 1 : 2, state.client);
  return turnOf({ ...state, tries }, [...(hint ? [hint] : []), question]);
}

function skip(t: Translate, state: DialogueState, key: string, rules: Ruleset, before: Reply[]): Turn {
  return proceed(t, { ...state, skipped: withKey(state.skipped, key), asked: withKey(state.asked, key), pending: null, tries: 0 }, rules, before);
}

/** "asking for my grandmother": a new screening, of that person, spoken of in the third person. */
function startClient(t: Translate, state: DialogueState, rules: Ruleset, input: TypedInput, first: Reading): Turn {
  const client = { ...(first.client?.sex && { sex: first.client.sex }), ...(first.client?.relation && { relation: first.client.relation }) };
  const fresh = initialState(state.lang, client);
  const reading = readMessage({ t, profile: fresh.profile, key: "opening", text: input.text, year: input.year, month: input.month, householdKnown: false, client: true });
  const next: DialogueState = { ...fresh, profile: reading.profile };
  const echo = reading.recorded.filter((r) => r.fact !== "sex").length > 0 ? [echoLine(t, next.profile, reading.recorded, client)] : [];
  return proceed(t, next, rules, [{ text: t("client.started", { who: t("who.client", { context: next.profile.members[0]?.sex ?? "unknown" }) }) }, ...echo]);
}

/** A tapped option, or a typed answer to a list question: recorded, skipped or re-asked. */
export function applyAnswer(t: Translate, state: DialogueState, key: string, result: Answer, rules: Ruleset, retries: number): Turn {
  if (result.type === "skip") return skip(t, state, key, rules, []);
  if (result.type === "unreadable") {
    const hint = result.hint ? { text: t(result.hint) } : undefined;
    return retry(t, { ...state, pending: key }, rules, hint, retries);
  }
  const answered: DialogueState = {
    ...state,
    profile: result.profile,
    asked: withKey(state.asked, key),
    skipped: state.skipped.filter((k) => k !== key),
    pending: result.again ? key : null,
    tries: 0,
  };
  if (result.again) return turnOf(answered, [ask(t, answered.profile, key, 0, answered.client)]);
  if (state.phase === "results") return showResults(t, answered, rules, [{ text: t("updated") }]);
  const counted = progress(t, answered, rules);
  return proceed(t, counted.state, rules, counted.replies);
}
