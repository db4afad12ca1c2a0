// After the results the user goes on by typing commands ("details 3", "continue", "print"), which is slow on a
// phone; so the last message of a turn that leaves the conversation at its results carries them as
// buttons: one per numbered result line, then the commands the summary itself names. Each button sends
// the command as the user would type it, in the conversation's language (locales: telegram.results),
// so the core reads a tap exactly like typed text and nothing here knows what a command does.
import { InlineKeyboard } from "grammy";
import type { DialogueState } from "../../dialogue/mod.js";
import { translator } from "../../i18n/mod.js";
import { buttonsPerRow, evenRows } from "./render.js";

/**
 * Number buttons shown: two rows of six. The summary numbers up to 12 lines a person, more for a
 * household or "all results"; larger numbers are still typed ("details 15"), as the summary says.
 */
export const MAX_LINE_BUTTONS = 12;
/** Digits are narrow: six fit a phone's row (Telegram allows eight). */
const NUMBERS_PER_ROW = 6;

/** The commands after the results, in the order the summary's closing line names them. */
const COMMANDS = ["continue", "all", "pending", "print", "restart"] as const;

/** The keyboard for a turn ending in `state`, or undefined when a question is open or there are no results. */
export function resultsKeyboard(state: DialogueState): InlineKeyboard | undefined {
  if (state.phase !== "results" || state.pending !== null) return undefined;
  const t = translator(state.lang);
  const lines = Math.min(state.listed?.length ?? 0, MAX_LINE_BUTTONS);
  const numbers = Array.from({ length: lines }, (_, i) => InlineKeyboard.text(String(i + 1), t("telegram.results.details", { n: i + 1 })));
  // With nothing found there is nothing to print; the summary's closing line does not offer it either.
  const commands = COMMANDS.filter((c) => c !== "print" || lines > 0).map((c) => InlineKeyboard.text(t(`telegram.results.${c}`), t(`telegram.results.${c}`)));
  return InlineKeyboard.from([...evenRows(numbers, NUMBERS_PER_ROW), ...evenRows(commands, buttonsPerRow(commands.map((b) => b.text)))]);
}
