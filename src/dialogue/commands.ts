// Commands the user can give at any point (restart, help, language, back, skip, results, delete,
// my answers) and after the results (details of a line, change an answer, what is still open,
// the printable handout, the results uncut).
import type { Lang } from "../catalogue/mod.js";
import type { Ruleset } from "../engine/mod.js";
import { translator, type Translate } from "../i18n/mod.js";
import { ask } from "./ask.js";
import { goBack, proceed, reask, showResults, turnOf, withKey, type Turn } from "./flow.js";
import { renderAnswers, answerLines } from "./results/answers.js";
import { renderDetails } from "./results/details.js";
import { renderPending } from "./results/pending.js";
import { initialState, type DialogueState } from "./state.js";
import { factKey } from "./keys.js";
import { factDefinition } from "../profile/mod.js";
import type { Command, ResultsCommand } from "./understand/mod.js";

export function start(lang: Lang, rules: Ruleset, client?: DialogueState["client"]): Turn {
  const t = translator(lang);
  return proceed(t, initialState(lang, client), rules, [{ text: t(client ? "welcome.client" : "welcome") }]);
}

export function runCommand(t: Translate, state: DialogueState, command: Command, lang: Lang | undefined, rules: Ruleset): Turn {
  switch (command) {
    case "restart":
      // A caseworker's /new is the next client: still screening someone else.
      return start(state.lang, rules, state.client ? {} : undefined);
    case "delete": {
      const fresh = start(state.lang, rules);
      return turnOf(fresh.state, [{ text: t("deleted") }, ...fresh.replies.slice(1)], [{ type: "delete-data" }]);
    }
    case "lang":
      return switchLanguage(state, lang, rules);
    case "help":
      return turnOf(state, [{ text: t("help.text") }, ...reask(t, state)]);
    case "results":
      return showResults(t, { ...state, pending: null, tries: 0 }, rules, []);
    case "summary":
      return turnOf(state, [renderAnswers(t, state.lang, state.profile, state.client), ...reask(t, state)]);
    case "skip":
      if (!state.pending) return turnOf(state, [{ text: t("help.afterResults") }]);
      return proceed(t, { ...state, skipped: withKey(state.skipped, state.pending), asked: withKey(state.asked, state.pending), pending: null, tries: 0 }, rules, []);
    case "back":
      return goBack(t, state);
  }
}

function switchLanguage(state: DialogueState, lang: Lang | undefined, rules: Ruleset): Turn {
  const next: Lang = lang ?? (state.lang === "zh-CN" ? "en" : "zh-CN");
  const nt = translator(next);
  const switched = { ...state, lang: next };
  if (state.asked.length === 0 && state.pending === null) return start(next, rules, state.client);
  if (state.phase === "results" && !state.pending) return showResults(nt, switched, rules, [{ text: nt("langSwitched") }]);
  return turnOf(switched, [{ text: nt("langSwitched") }, ...reask(nt, switched)]);
}

export function runResultsCommand(t: Translate, state: DialogueState, command: ResultsCommand, rules: Ruleset): Turn {
  switch (command.kind) {
    case "details": {
      const listed = state.listed?.[command.n - 1];
      const details = listed ? renderDetails(t, state.lang, state.profile, rules, listed) : undefined;
      return turnOf(state, [details ?? { text: t("details.noSuch", { n: command.n }) }, ...reask(t, state)]);
    }
    case "change": {
      const line = answerLines(t, state.profile, state.client)[command.n - 1];
      if (!line) return turnOf(state, [{ text: t("answers.noSuch", { n: command.n }) }, ...reask(t, state)]);
      return turnOf({ ...state, pending: line.key, tries: 0 }, [ask(t, state.profile, line.key, 0, state.client)]);
    }
    case "changeFact":
      return changeFact(t, state, command.fact);
    case "pending":
      return turnOf(state, [renderPending(t, state.lang, state.profile, rules, state.client), ...reask(t, state)]);
    case "print":
      return turnOf(state, [{ text: t("handout.ready") }, ...reask(t, state)], [{ type: "handout" }]);
    case "allResults":
      return showResults(t, { ...state, pending: null, tries: 0 }, rules, [], true);
  }
}

/** "change age": the user's own answer to that fact is asked again (the first recorded, if only others have it). */
function changeFact(t: Translate, state: DialogueState, fact: string): Turn {
  const recorded = answerLines(t, state.profile, state.client).map((l) => l.key).filter((k) => k.endsWith(`.${fact}`));
  const member = factDefinition(fact)?.scope === "member" ? 0 : null;
  const key = recorded.find((k) => k === factKey(member, fact)) ?? recorded[0] ?? factKey(member, fact);
  return turnOf({ ...state, pending: key, tries: 0 }, [ask(t, state.profile, key, 0, state.client)]);
}
