// Reads the user's answer to the pending question: a tapped option ("#m0.age=65"), an option
// number or label, or free text in Chinese or English. Never throws; what it cannot read
// comes back as "unreadable" so the conversation can re-ask.
import { factDefinition } from "../profile/mod.js";
import { checkValue } from "../profile/mod.js";
import type { Member, Profile } from "../profile/mod.js";
import type { Translate } from "../i18n/mod.js";
import { matchOption, normalize, parseGrade, parseIncome, parseMonths, parseNumber, parseYesNo, scanNumbers } from "./understand/mod.js";
import { ASSISTANCE_FACTS, RESIDENCE_FACTS, setFact, type QuestionKey } from "./keys.js";
import { NONE_VALUE, optionsFor, SKIP_VALUE, takesFreeText } from "./ask.js";
import { answerKind, INCOME_RANGES, togetherMembers } from "./questions.js";
import { NOBODY_ELSE, RELATION_WORDS, splitList } from "./lexicon.js";
import type { ClientMode } from "./state.js";

export type Answer =
  /** `again`: ask the same question once more (a tapped household member: "anyone else?"). */
  | { readonly type: "set"; readonly profile: Profile; readonly again?: boolean }
  | { readonly type: "skip" }
  | { readonly type: "unreadable"; readonly hint?: string };

const UNREADABLE: Answer = { type: "unreadable" };

/** `raw` is either the value part of a tapped option or the user's text. */
export function readAnswer(t: Translate, profile: Profile, key: string, q: QuestionKey, raw: string, tapped: boolean, client?: ClientMode): Answer {
  if (tapped && raw === SKIP_VALUE) return { type: "skip" };
  const options = optionsFor(t, profile, key, q, client).map((o) => ({ label: o.label, value: o.value.slice(key.length + 2), aliases: o.aliases }));
  const text = tapped ? raw : (takesFreeText(q) ? exactLabel(raw, options) : matchOption(raw, options)) ?? raw;
  if (text === SKIP_VALUE) return { type: "skip" };
  switch (q.kind) {
    case "assist":
      return readAssistance(profile, text, options, tapped);
    case "members":
      return readMembers(profile, text, options, tapped);
    case "ages":
      return readAges(profile, q.relation, text);
    case "sameResidence":
      return readSameResidence(profile, text);
    case "who":
      return readWho(profile, q.fact, text, options, tapped);
    case "fact":
      return readFact(profile, q.member, q.fact, text, options, tapped);
  }
}

function exactLabel(raw: string, options: { label: string; value: string; aliases?: readonly string[] }[]): string | undefined {
  const text = normalize(raw);
  return options.find((o) => normalize(o.label) === text)?.value;
}

function readFact(profile: Profile, member: number | null, fact: string, text: string, options: { label: string; value: string; aliases?: readonly string[] }[], tapped: boolean): Answer {
  const def = factDefinition(fact);
  if (!def) return UNREADABLE;
  const value = interpret(fact, text, options, tapped);
  if (value === undefined) return fact === "disabilityGrade" && parseGrade(text) === "severe" ? { type: "unreadable", hint: "confirm.specific.disabilityGrade_severe" } : UNREADABLE;
  try {
    checkValue(def, value, fact);
  } catch {
    return { type: "unreadable", hint: "retry.outOfRange" };
  }
  return { type: "set", profile: setFact(profile, member, fact, value) };
}

function interpret(fact: string, text: string, options: { label: string; value: string; aliases?: readonly string[] }[], tapped: boolean): unknown {
  const def = factDefinition(fact)!;
  switch (answerKind(fact)) {
    case "yesno":
      return text === "true" ? true : text === "false" ? false : parseYesNo(text);
    case "choice": {
      const exact = def.values?.find((v) => String(v) === text);
      if (exact !== undefined) return exact;
      if (fact === "disabilityGrade") {
        const grade = parseGrade(text);
        return typeof grade === "number" ? grade : undefined;
      }
      return undefined;
    }
    case "multi":
      return readList(text, options, tapped);
    case "number":
      return readNumber(fact, text, tapped);
  }
}

function readNumber(fact: string, text: string, tapped: boolean): number | undefined {
  if (fact === "incomePerPersonMonthly") {
    const range = /^range:(\d+)$/.exec(text);
    if (range) return representativeIncome(Number(range[1]));
    if (!tapped && /^\s*[1-9]\s*$/.test(text)) {
      const low = INCOME_RANGES[Number(text) - 1]?.[0];
      if (low !== undefined) return representativeIncome(low);
    }
    return parseIncome(text)?.monthly;
  }
  if (fact === "monthsResident") return parseMonths(text);
  const n = parseNumber(text);
  return n === undefined ? undefined : Math.floor(n);
}

/** A range answer is stored as a value just inside it; results say it came from a range. */
/**
 * A range answer is stored as the top of its range (the bottom of the open top range). The rules
 * only test income from above ("at most the city's dibao line"), so the top of the range can
 * never make a household look poorer than it said it is: a range that straddles a line leaves the
 * service undecided, to be settled by the next question, instead of a wrong yes.
 */
function representativeIncome(low: number): number {
  const range = INCOME_RANGES.find(([from]) => from === low);
  const high = range?.[1];
  return high === null || high === undefined ? low : high - 1;
}

/** Option values joined by commas, as a channel sends several tapped options. */
function isTappedList(text: string, options: readonly { value: string }[]): boolean {
  return text.includes(",") && text.split(",").every((v) => options.some((o) => o.value === v));
}

function readList(text: string, options: { label: string; value: string; aliases?: readonly string[] }[], tapped = false): string[] | undefined {
  if (text === NONE_VALUE) return [];
  if (options.some((o) => o.value === text)) return text === SKIP_VALUE ? undefined : [text];
  // Several options tapped together come as their values ("dibao,tekun"); typed numbers are option numbers.
  if (tapped && isTappedList(text, options)) return text.split(",").filter((v) => v !== NONE_VALUE && v !== SKIP_VALUE);
  const parts = splitList(normalize(text));
  if (parts.length === 0) return undefined;
  const values = new Set<string>();
  for (const part of parts) {
    const hit = matchOption(part, options);
    if (hit === undefined) {
      if (parseYesNo(part) === false || NOBODY_ELSE.includes(part)) return [];
      return undefined;
    }
    if (hit === NONE_VALUE) return [];
    if (hit !== SKIP_VALUE) values.add(hit);
  }
  return [...values];
}

function readAssistance(profile: Profile, text: string, options: { label: string; value: string; aliases?: readonly string[] }[], tapped: boolean): Answer {
  const chosen = readList(text, options, tapped);
  if (chosen === undefined) return UNREADABLE;
  let next = profile;
  for (const fact of ASSISTANCE_FACTS) next = setFact(next, null, fact, chosen.includes(fact));
  return { type: "set", profile: next };
}

/** Who else lives here: relation words with counts ("my wife and two kids"), option numbers ("1 2 2"), or "nobody". */
function readMembers(profile: Profile, text: string, options: { label: string; value: string; aliases?: readonly string[] }[], tapped: boolean): Answer {
  if (text === NONE_VALUE) return { type: "set", profile };
  const added: string[] = [];
  const exact = options.find((o) => o.value === text);
  if (exact) added.push(text);
  else if (tapped && isTappedList(text, options)) added.push(...text.split(","));
  else {
    const normal = normalize(text);
    if (NOBODY_ELSE.includes(normal) || parseYesNo(normal) === false) return { type: "set", profile };
    added.push(...relationsIn(normal, options));
  }
  if (added.length === 0 || added.some((r) => r === NONE_VALUE || r === SKIP_VALUE)) {
    return added.length === 0 ? UNREADABLE : { type: "set", profile };
  }
  // One spouse: a second one (an old button, a double tap) is not added.
  const hasSpouse = profile.members.some((m, i) => i > 0 && m.relation === "spouse");
  const fresh = added.filter((r, i) => r !== "spouse" || (!hasSpouse && added.indexOf("spouse") === i));
  const members: Member[] = [...profile.members, ...fresh.slice(0, 30 - profile.members.length).map((relation) => ({ relation: relation as Member["relation"] }))];
  return { type: "set", profile: { ...profile, members }, again: Boolean(exact) };
}

function relationsIn(text: string, options: { label: string; value: string; aliases?: readonly string[] }[]): string[] {
  const found: string[] = [];
  // Option numbers typed in one message: "1 2 2" = spouse and two children.
  if (/^[\d\s,\u3001\uff0c]+$/.test(text)) {
    for (const n of text.split(/[\s,\u3001\uff0c]+/).filter(Boolean)) {
      const option = options[Number(n) - 1];
      if (!option) return [];
      found.push(option.value);
    }
    return found;
  }
  // People are added in the order the user named them, so "which age is whose" follows the text.
  const mentions: { at: number; relation: string; n: number }[] = [];
  let rest = text;
  for (const [word, relation, count] of RELATION_WORDS) {
    let at = rest.indexOf(word);
    while (at >= 0) {
      // A number just before the word ("2 kids") says how many.
      const before = rest.slice(Math.max(0, at - 4), at);
      const numbers = scanNumbers(before).filter((tok) => tok.value !== undefined);
      const n = numbers.length > 0 ? Math.min(10, Math.max(1, numbers[numbers.length - 1]!.value!)) : count;
      mentions.push({ at, relation, n });
      rest = `${rest.slice(0, at)}${" ".repeat(word.length)}${rest.slice(at + word.length)}`;
      at = rest.indexOf(word);
    }
  }
  for (const { relation, n } of mentions.sort((a, b) => a.at - b.at)) for (let i = 0; i < n; i++) found.push(relation);
  return found;
}

function readAges(profile: Profile, relation: string, text: string): Answer {
  const waiting = profile.members.map((m, i) => ({ m, i })).filter(({ m, i }) => i > 0 && m.relation === relation && m.age == null);
  const ages = scanNumbers(normalize(text))
    .map((tok) => tok.value)
    .filter((v): v is number => v !== undefined && Number.isFinite(v) && v >= 0 && v <= 130)
    .map(Math.floor);
  if (ages.length === 0 || waiting.length === 0) return UNREADABLE;
  let next = profile;
  waiting.slice(0, ages.length).forEach(({ i }, n) => {
    next = setFact(next, i, "age", ages[n]);
  });
  return { type: "set", profile: next };
}

/** "Same as me": copies the user's residence facts to every other member whose own are unknown. */
function readSameResidence(profile: Profile, text: string): Answer {
  const same = text === "true" ? true : text === "false" ? false : parseYesNo(text);
  if (same === undefined) return UNREADABLE;
  if (!same) return { type: "set", profile };
  const self = profile.members[0] as Record<string, unknown>;
  let next = profile;
  profile.members.forEach((m, i) => {
    if (i === 0) return;
    for (const fact of RESIDENCE_FACTS) {
      if ((m as Record<string, unknown>)[fact] == null && self[fact] != null) next = setFact(next, i, fact, self[fact]);
    }
  });
  return { type: "set", profile: next };
}

/** Which members a yes/no fact is true of ("who holds a certificate"): the chosen yes, every other member asked no. */
function readWho(profile: Profile, fact: string, text: string, options: { label: string; value: string; aliases?: readonly string[] }[], tapped: boolean): Answer {
  const chosen = readList(text, options, tapped);
  if (chosen === undefined) return UNREADABLE;
  let next = profile;
  for (const i of togetherMembers(profile, fact)) next = setFact(next, i, fact, chosen.includes(String(i)));
  return { type: "set", profile: next };
}
