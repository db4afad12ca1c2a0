// What the page is shown of a turn, beyond the core's replies: the results split into cards, the result
// commands as buttons, and the recorded answers. Translation only: every value a button sends is a word
// the core itself reads (locales "webActions"), so tapping does exactly what typing it would.
import { answerLines, type DialogueState, type Option, type Reply } from "../../dialogue/mod.js";
import { translator } from "../../i18n/mod.js";

/** A line of a results card; `value` is what tapping it sends ("details 3"). */
export interface LineView {
  readonly text: string;
  readonly value?: string;
}

/** One blank-line-separated section of the results (the title, a person, the household, unlocks). */
export interface SectionView {
  readonly lines: readonly LineView[];
}

export interface ReplyView {
  readonly text: string;
  readonly options?: readonly { readonly label: string; readonly value: string }[];
  readonly numbered?: boolean;
  readonly multiple?: boolean;
  /** Only on the results: the text's sections, the title first. */
  readonly sections?: readonly SectionView[];
}

export interface ActionView {
  readonly label: string;
  readonly value: string;
}

/** A recorded answer; `value` is what its change button sends ("change 3"). */
export interface AnswerView {
  readonly text: string;
  readonly value: string;
}

/** The commands offered once the results are shown, in this order. */
const ACTIONS = ["continue", "listAll", "pending", "summary", "back", "print"] as const;

// results.line is "{{n}}. {{name}}..." in both languages: the number is what "details n" opens.
const NUMBERED_LINE = /^(\d{1,3})\.\s/;

export function replyViews(replies: readonly Reply[], state: DialogueState): ReplyView[] {
  return replies.map((reply) => replyView(reply, state));
}

/** The result commands, when the results are shown and no question is waiting; otherwise none. */
export function resultActions(state: DialogueState): ActionView[] {
  if (state.phase === "asking" || state.pending !== null) return [];
  const t = translator(state.lang);
  return ACTIONS.map((name) => ({ label: t(`webActions.${name}`), value: t(`webActions.${name}`) }));
}

export function answerViews(state: DialogueState): AnswerView[] {
  const t = translator(state.lang);
  return answerLines(t, state.profile, state.client).map((line, i) => ({ text: line.text, value: t("webActions.change", { n: i + 1 }) }));
}

/** Only the documented fields leave the server, whatever else a Reply may carry one day. */
function replyView(reply: Reply, state: DialogueState): ReplyView {
  const options = reply.options?.length ? visibleOptions(reply.options, state).map(({ label, value }) => ({ label, value })) : undefined;
  const sections = reply.text.includes("\n\n") ? sectionsOf(reply.text, state) : undefined;
  return {
    text: reply.text,
    ...(options && { options }),
    ...(reply.numbered !== undefined && { numbered: reply.numbered }),
    ...(reply.multiple && { multiple: true }),
    ...(sections && { sections }),
  };
}

/**
 * "Anyone else?" is asked again after each person added, with every relation offered; a household has
 * one spouse, so once there is one the button would only add a mistake.
 */
function visibleOptions(options: readonly Option[], state: DialogueState): readonly Option[] {
  const hasSpouse = state.profile.members.some((m, i) => i > 0 && m.relation === "spouse");
  return hasSpouse ? options.filter((o) => o.value !== "#members=spouse") : options;
}

function sectionsOf(text: string, state: DialogueState): SectionView[] {
  const t = translator(state.lang);
  const listed = state.listed?.length ?? 0;
  return text.split(/\n{2,}/).map((section) => ({
    lines: section.split("\n").map((line) => {
      const n = Number(NUMBERED_LINE.exec(line)?.[1] ?? 0);
      return n >= 1 && n <= listed ? { text: line, value: t("webActions.details", { n }) } : { text: line };
    }),
  }));
}
