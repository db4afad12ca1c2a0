/**
 * Recognises "change an earlier answer" ("我其实70岁", "改年龄", "age 65").
 * It names the fact and, when present, the new value as text, which the
 * dialogue re-reads with that fact's own parser (parseNumber, parseYesNo…).
 *
 * To avoid hijacking ordinary answers it fires only on an explicit
 * correction word, or on a fact keyword directly followed by a number
 * ("年龄70", "收入3000", "住了3年") or an age like "70岁". A bare "70" never
 * fires, and neither does "有残疾证" (a plain answer, not a correction).
 */
import { normalize } from "./normalize.js";
import { NUMERAL_PATTERN, scanNumbers } from "./numbers.js";

export type Correction = { fact: string; value?: string };

type Keyword = { re: RegExp; fact: string; keep?: boolean };

/**
 * Fact keywords whose value follows them. `keep` puts the keyword into the
 * value because it carries meaning (年收入 vs 月收入 for parseIncome).
 * More specific keywords come first; ties on position go to the longer match.
 */
const KEYWORDS: readonly Keyword[] = [
  { re: /年龄|年纪|岁数|(?<![a-z])age(?![a-z])/, fact: "age" },
  { re: /户口|户籍|hukou|household registration/, fact: "hukou" },
  { re: /居住证|residence permit|(?<![a-z])permit(?![a-z])/, fact: "residencePermit" },
  { re: /居住时间|居住时长|居住年限|住了|(?<![a-z])months?(?![a-z])|how long/, fact: "monthsResident" },
  { re: /残疾等级|残疾级别|等级|级别|(?<![a-z])grade(?![a-z])/, fact: "disabilityGrade" },
  { re: /残疾人证|残疾证|残疾|(?<![a-z])disab[a-z]*/, fact: "disabled" },
  { re: /年收入|月收入/, fact: "incomePerPersonMonthly", keep: true },
  { re: /收入|工资|(?<![a-z])income(?![a-z])|(?<![a-z])salary(?![a-z])/, fact: "incomePerPersonMonthly" },
  { re: /低保|dibao/, fact: "dibao" },
  { re: /住房情况|住房|(?<![a-z])housing(?![a-z])/, fact: "housing" },
  { re: /城市|(?<![a-z])city(?![a-z])/, fact: "city" },
];

const NUM = `(?:${NUMERAL_PATTERN})`;

/** Keywords that come *after* their value; the whole match is the value. */
const SUFFIXED: readonly { re: RegExp; fact: string; strong: boolean }[] = [
  // "70岁" names the fact by itself, so it may fire without a correction word.
  { re: new RegExp(`${NUM}\\s*(?:周岁|岁|years? old)`), fact: "age", strong: true },
  { re: new RegExp(`(?<![a-z])(?:i'm|im|i am)\\s+(${NUM})(?![0-9])`), fact: "age", strong: false },
  { re: new RegExp(`${NUM}\\s*级`), fact: "disabilityGrade", strong: false },
  { re: new RegExp(`${NUM}\\s*(?:年半?|[个個]?月|years?|months?)(?![0-9零一二两三四五六七八九十])`), fact: "monthsResident", strong: false },
  { re: new RegExp(`${NUM}\\s*(?:元|块|yuan|rmb)`), fact: "incomePerPersonMonthly", strong: false },
];

const CORRECTION =
  /其实|改成|改为|修改|更改|更正|改|不对|应该是|说错|搞错|填错|写错|弄错|选错|错了|actually|(?<![a-z])change|(?<![a-z])correct|i meant|i mean|(?<![a-z])update|(?<![a-z])edit|(?<![a-z])fix(?![a-z])|(?<![a-z])wrong|mistake/;

/** Separators and correction verbs between a keyword and its value. */
const LEAD =
  /^(?:[\s:=,，、-]|改成|改为|改到|应该是|应该|其实是|其实|要改|改|是|为|成|到|to(?![a-z])|is(?![a-z])|should be|be(?![a-z])|now(?![a-z])|actually|certificate|card|status|证)+/;
const PRONOUNS = /^(?:[\s,，]|我|我的|i(?![a-z])|my(?![a-z]))+/;

function clause(s: string): string {
  // The value ends at the first clause break ("年龄65，收入3000" → "65").
  return (s.split(/[,;!?。；！？，、]|\.(?![0-9])/)[0] ?? "").trim();
}

function found(fact: string, value: string | undefined): Correction {
  return value ? { fact, value } : { fact };
}

export function parseCorrection(text: string): Correction | undefined {
  try {
    const s = normalize(text);
    if (!s) return undefined;
    const corr = CORRECTION.exec(s);

    type Hit = { at: number; len: number; fact: string; value?: string; strong: boolean; end: number; keep?: boolean };
    const hits: Hit[] = [];
    for (const k of KEYWORDS) {
      const m = k.re.exec(s);
      if (m) hits.push({ at: m.index, len: m[0].length, end: m.index + m[0].length, fact: k.fact, strong: false, keep: k.keep });
    }
    for (const k of SUFFIXED) {
      const m = k.re.exec(s);
      if (m) {
        hits.push({ at: m.index, len: m[0].length, end: m.index + m[0].length, fact: k.fact, strong: k.strong, value: (m[1] ?? m[0]).trim() });
      }
    }
    if (hits.length === 0) return undefined;
    hits.sort((a, b) => a.at - b.at || b.len - a.len);
    let hit = hits[0]!;
    // "残疾证改成二级": a grade mention makes it a grade correction.
    if (hit.fact === "disabled") hit = hits.find((h) => h.fact === "disabilityGrade") ?? hit;

    let value = hit.value;
    if (value === undefined) {
      const kw = s.slice(hit.at, hit.end);
      value = clause(s.slice(hit.end).replace(LEAD, ""));
      if (!value && corr && corr.index + corr[0].length <= hit.at) {
        // "其实我有残疾证": the value sits between the correction word and the keyword.
        value = clause(s.slice(corr.index + corr[0].length, hit.at).replace(PRONOUNS, "").replace(LEAD, ""));
      }
      if (value && hit.keep) value = `${kw}${value}`;
    }
    if (corr) return found(hit.fact, value || undefined);
    // No correction word: only a keyword immediately carrying a number counts.
    if (hit.strong) return found(hit.fact, value);
    if (hit.value === undefined && value && scanNumbers(value).length > 0) {
      const between = s.slice(hit.end).replace(LEAD, "");
      if (between.startsWith(value)) return found(hit.fact, value);
    }
    return undefined;
  } catch {
    return undefined;
  }
}
