// The conversation core: (state, input) -> (state, replies). Pure: no I/O, no channel library,
// no clock (the date comes in as an option). Every input, however odd, gets a reply and a valid state back.
import type { Lang } from "../catalogue/mod.js";
import { ruleset as shippedRuleset, type Ruleset } from "../engine/mod.js";
import { translator, type Translate } from "../i18n/mod.js";
import { applyAnswer, answerTyped } from "./answering.js";
import { readAnswer } from "./answer.js";
import { runCommand, runResultsCommand, start as startWith } from "./commands.js";
import { proceed, reask, turnOf, type Turn } from "./flow.js";
import { parseKey } from "./keys.js";
import { CONTINUE_WORDS, LIST_ALL_WORDS } from "./lexicon.js";
import { renderUniversal } from "./results/universal.js";
import type { DialogueState } from "./state.js";
import { normalize, parseCommand, parseResultsCommand } from "./understand/mod.js";

export type { Turn } from "./flow.js";

export interface RespondOptions {
  /** Today, for ages from a birth year; default: the machine's clock, read by the caller. */
  readonly today?: Date;
  /** Unreadable answers asked again before the question is left unknown; 0 for piped input. */
  readonly retries?: number;
}

/** Longer input is cut: nothing a screening needs is that long, and it keeps every turn fast. */
const MAX_INPUT = 2000;
const RETRIES = 2;

export function start(lang: Lang = "zh-CN", rules: Ruleset = shippedRuleset()): Turn {
  return startWith(lang, rules);
}

/** Told of every error respond() catches (the user sees only an apology): the service logs them, tests count them. */
let errorListener: ((error: unknown) => void) | undefined;

export function onCoreError(listener: ((error: unknown) => void) | undefined): void {
  errorListener = listener;
}

export function respond(state: DialogueState, input: unknown, rules: Ruleset = shippedRuleset(), options: RespondOptions = {}): Turn {
  const text = typeof input === "string" ? input.slice(0, MAX_INPUT) : "";
  try {
    return handle(state, text, rules, options);
  } catch (error) {
    errorListener?.(error);
    // A bug must not cost the user their answers: keep the state, apologise, re-ask.
    const t = translator(state.lang);
    return turnOf(state, [{ text: t("error.internal") }, ...reask(t, state)]);
  }
}

function handle(state: DialogueState, text: string, rules: Ruleset, options: RespondOptions): Turn {
  const t = translator(state.lang);
  const tapped = /^#([\w.]+)=(.*)$/s.exec(text.trim());
  if (tapped) return answerTapped(t, state, tapped[1]!, tapped[2]!, rules, options);
  const words = normalize(text);
  // A blank line is not an answer.
  if (!words) return turnOf(state, state.pending ? reask(t, state) : [{ text: t("help.afterResults") }]);
  const command = parseCommand(text);
  if (command) return runCommand(t, state, command.command, command.lang, rules);
  const results = parseResultsCommand(text);
  // While a question is open, a bare number or "the second" answers it; "details 3" still opens line 3.
  if (results && (!state.pending || results.kind !== "details" || results.explicit)) return runResultsCommand(t, state, results, rules);
  if (LIST_ALL_WORDS.includes(words)) return turnOf(state, [renderUniversal(t, state.lang, rules), ...reask(t, state)]);
  if (CONTINUE_WORDS.includes(words) && state.phase !== "asking") return proceed(t, { ...state, phase: "more" }, rules, []);
  const today = options.today ?? new Date();
  return answerTyped(t, state, rules, { text, year: today.getFullYear(), month: today.getMonth() + 1, retries: options.retries ?? RETRIES });
}

function answerTapped(t: Translate, state: DialogueState, key: string, raw: string, rules: Ruleset, options: RespondOptions): Turn {
  const q = parseKey(key);
  if (!q) return turnOf(state, reask(t, state));
  return applyAnswer(t, state, key, readAnswer(t, state.profile, key, q, raw, true, state.client), rules, options.retries ?? RETRIES);
}
