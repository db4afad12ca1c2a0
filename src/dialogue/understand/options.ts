/**
 * Picks one of the numbered options the bot just offered. Users answer by
 * number ("2", "2.", "the second one", a circled 2), by label, by alias, or
 * with a sentence containing the label ("I have a non-agricultural hukou").
 * Anything ambiguous returns undefined so the bot re-asks instead of
 * recording a wrong fact. Words are in data/understand.json ("options").
 */
import { normalize } from "./normalize.js";
import { parseNumber } from "./numbers.js";
import { LEX, alt, chars } from "./lexicon.js";

export type Option<T> = { label: string; value: T; aliases?: readonly string[] };

const L = LEX.options;
const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ["first", 1], ["second", 2], ["third", 3], ["fourth", 4], ["fifth", 5],
  ["sixth", 6], ["seventh", 7], ["eighth", 8], ["ninth", 9], ["tenth", 10],
]);

/** "2", "di er ge" (the second), "xuan 2", "option 2", "#2". Anchored literals only: no backtracking blow-up. */
const BY_NUMBER = new RegExp(
  `^${alt(L.self)}?${alt(L.choose)}?\\s*${alt(L.ordinal)}?\\s*([0-9]+|[${chars(L.numeralChars)}]+)\\s*${alt(L.counters)}?$`,
);
const BY_ORDINAL =
  /^(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|(\d+)(?:st|nd|rd|th))(?:\s+(?:one|option|choice))?$/;
const LAST: ReadonlySet<string> = new Set(L.last);

/** By number, by English ordinal, or "the last one"; -1 means the last one. */
function optionIndex(s: string): number | undefined {
  const zh = BY_NUMBER.exec(s);
  if (zh) return parseNumber(zh[1]!);
  const en = BY_ORDINAL.exec(s);
  if (en) return en[1] === "last" ? -1 : en[2] !== undefined ? Number(en[2]) : ORDINAL_WORDS.get(en[1]!);
  if (LAST.has(s)) return -1;
  return undefined;
}

/** Trailing "." ")" and wrapping brackets are how people type option numbers: "2.", "(2)". */
const OPEN = new RegExp(`^[${chars(L.openBracketChars)}]\\s*`, "u");
const CLOSE = new RegExp(`[\\s${chars(L.closingChars)}]+$`, "u");
function strip(s: string): string {
  return s.replace(OPEN, "").replace(CLOSE, "");
}

/** Negation outside the label ("not an agricultural hukou") flips meaning; don't guess. */
const NEGATION = new RegExp(`${alt(L.negations)}|(?<![a-z])(?:not|no|non)(?![a-z])`);

export function matchOption<T>(text: string, options: readonly Option<T>[]): T | undefined {
  try {
    if (!Array.isArray(options) || options.length === 0) return undefined;
    const s = strip(normalize(text));
    if (!s) return undefined;
    const names = options.map((o) =>
      [o.label, ...(Array.isArray(o.aliases) ? o.aliases : [])]
        .filter((n): n is string => typeof n === "string")
        .map((n) => strip(normalize(n)))
        .filter((n) => n !== ""),
    );

    // 1. Exact label/alias first: an option literally labelled "1" beats index 1.
    const exact = names.flatMap((ns, i) => (ns.includes(s) ? [i] : []));
    if (exact.length === 1) return options[exact[0]!]!.value;
    if (exact.length > 1) return undefined;

    // 2. By position.
    const idx = optionIndex(s);
    if (idx !== undefined) {
      const i = idx === -1 ? options.length - 1 : idx - 1;
      return Number.isInteger(i) && i >= 0 && i < options.length ? options[i]!.value : undefined;
    }

    // 3. Label inside the message. When labels overlap ("agricultural" inside
    // "non-agricultural") the shorter one is only there as part of the longer.
    type Hit = { i: number; name: string };
    const inText: Hit[] = [];
    names.forEach((ns, i) => {
      for (const name of ns) if (s.includes(name)) inText.push({ i, name });
    });
    const maximal = inText.filter((h) => !inText.some((o) => o.name !== h.name && o.name.includes(h.name) && o.i !== h.i));
    const winners = new Set(maximal.map((h) => h.i));
    if (winners.size === 1) {
      const best = maximal.reduce((a, b) => (b.name.length > a.name.length ? b : a));
      if (NEGATION.test(s.split(best.name).join(" "))) return undefined;
      return options[best.i]!.value;
    }
    if (winners.size > 1) return undefined;

    // 4. Message inside a label ("agri" for "agricultural"), only if unambiguous.
    const partial = new Set(names.flatMap((ns, i) => (ns.some((n) => n.includes(s)) ? [i] : [])));
    if (partial.size === 1) return options[[...partial][0]!]!.value;
    return undefined;
  } catch {
    return undefined;
  }
}
