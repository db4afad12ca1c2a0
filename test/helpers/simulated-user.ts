// A simulated user who knows a persona's true profile and answers whatever the bot asks,
// the way a person would type it: option numbers, yes/no, numbers, "不知道" when the persona
// leaves a fact unknown. Used by the persona tests and by the benchmark.
import { respond, start, type DialogueState, type Turn } from "../../src/dialogue/mod.js";
import { parseKey, RESIDENCE_FACTS, ASSISTANCE_FACTS } from "../../src/dialogue/keys.js";
import { makesSenseToAsk } from "../../src/dialogue/questions.js";
import type { Profile } from "../../src/profile/profile.js";
import type { Lang } from "../../src/catalogue/mod.js";

export interface Persona {
  name: string;
  lang?: Lang;
  profile: Profile;
  /** What the person says first, in their own words, before answering questions (optional). */
  opening?: string;
}

const SKIP = { "zh-CN": "不知道", en: "don't know" } as const;
const YES = { "zh-CN": "是", en: "yes" } as const;
const NO = { "zh-CN": "不是", en: "no" } as const;

/** What the persona types for the pending question. */
export function answerFor(turn: Turn, truth: Profile): string {
  const state = turn.state;
  const key = state.pending!;
  const q = parseKey(key)!;
  const lang = state.lang;
  const options = turn.replies[turn.replies.length - 1]?.options ?? [];
  const optionNumber = (value: string) => String(options.findIndex((o) => o.value === `#${key}=${value}`) + 1);
  const yesNo = (v: unknown) => (v === undefined || v === null ? SKIP[lang] : v ? YES[lang] : NO[lang]);
  switch (q.kind) {
    case "assist": {
      const hh = (truth.household ?? {}) as Record<string, unknown>;
      if (ASSISTANCE_FACTS.some((f) => hh[f] == null)) return SKIP[lang];
      const chosen = ASSISTANCE_FACTS.filter((f) => hh[f] === true);
      return chosen.length === 0 ? optionNumber("none") : chosen.map(optionNumber).join(" ");
    }
    case "members": {
      // Typed the way the question invites: each person with their age ("my wife, 36; my son, 9").
      const others = truth.members.slice(state.profile.members.length);
      if (others.length === 0) return optionNumber("none");
      return groupWords(others, lang).join(lang === "en" ? "; " : "，");
    }
    case "ages": {
      const ages = state.profile.members
        .map((m, i) => ({ m, i }))
        .filter(({ m, i }) => i > 0 && m.relation === q.relation && m.age == null)
        .map(({ i }) => truth.members[i]?.age);
      return ages.some((a) => a == null) ? SKIP[lang] : ages.join(" ");
    }
    case "sameResidence": {
      const self = truth.members[0] as Record<string, unknown>;
      const same = truth.members.slice(1).every((m) => RESIDENCE_FACTS.every((f) => (m as Record<string, unknown>)[f] === self[f]));
      return yesNo(same);
    }
    case "who": {
      // The options are the members asked about, each valued by its index. A person knows a
      // question that cannot be about someone (a man is not pregnant) is a no for them.
      const asked = options.map((o) => o.value.slice(key.length + 2)).filter((v) => /^\d+$/.test(v)).map(Number);
      const values = asked.map((i) => (makesSenseToAsk(truth, i, q.fact) ? (truth.members[i] as Record<string, unknown> | undefined)?.[q.fact] : false));
      if (values.some((v) => v == null)) return SKIP[lang];
      const who = asked.filter((_, n) => values[n] === true).map(String);
      return who.length === 0 ? optionNumber("none") : who.map(optionNumber).join(" ");
    }
    case "fact": {
      const source = q.member === null ? ((truth.household ?? {}) as Record<string, unknown>) : ((truth.members[q.member] ?? {}) as Record<string, unknown>);
      const value = q.member === null && q.fact === "city" ? truth.city : source[q.fact];
      if (value === undefined || value === null) return SKIP[lang];
      if (typeof value === "boolean") return yesNo(value);
      if (typeof value === "number" && q.fact !== "disabilityGrade") return String(value);
      if (Array.isArray(value)) return value.length === 0 ? optionNumber("none") : value.map((v) => optionNumber(String(v))).join(" ");
      return optionNumber(String(value));
    }
  }
}

export interface Conversation {
  readonly state: DialogueState;
  readonly questions: number;
  readonly turns: Turn[];
}

const WORDS: Record<Lang, Record<string, readonly [string, string, string]>> = {
  // relation: [male, female, unknown sex]
  "zh-CN": { spouse: ["老公", "老婆", "爱人"], child: ["儿子", "女儿", "孩子"], parent: ["父亲", "母亲", "父亲"], grandparent: ["爷爷", "奶奶", "爷爷"], other: ["孙子", "孙女", "孙子"] },
  en: { spouse: ["my husband", "my wife", "my spouse"], child: ["my son", "my daughter", "my child"], parent: ["my father", "my mother", "my father"], grandparent: ["my grandfather", "my grandmother", "my grandfather"], other: ["my grandson", "my granddaughter", "my grandson"] },
};

const COUNT: Record<Lang, (n: number, word: string) => string> = {
  "zh-CN": (n, word) => `${["", "一", "两", "三", "四", "五"][n] ?? n}个${word}`,
  en: (n, word) => `${n} ${plural(word.replace(/^my /, ""))}`,
};

function plural(word: string): string {
  return word === "child" ? "children" : `${word}s`;
}

/** The household members in the user's words, with their ages where the persona knows them; the same word once with a count ("two children, 15 and 12"). */
function groupWords(members: Profile["members"], lang: Lang): string[] {
  const groups = new Map<string, (number | null | undefined)[]>();
  for (const m of members) {
    const forms = WORDS[lang][m.relation ?? "other"] ?? WORDS[lang].other!;
    const word = forms[m.sex === "male" ? 0 : m.sex === "female" ? 1 : 2];
    groups.set(word, [...(groups.get(word) ?? []), m.age]);
  }
  return [...groups].map(([word, ages]) => {
    const named = ages.length === 1 ? word : COUNT[lang](ages.length, word);
    if (ages.some((a) => a == null)) return named;
    const list = ages.join(lang === "en" ? " and " : "岁和");
    return lang === "en" ? `${named}, ${list}` : `${named}${list}岁`;
  });
}

/**
 * Plays a whole screening; stops at the results or after a safety limit of turns. With
 * `opening`, the persona first says its opening line (if it has one) instead of answering the first question.
 */
export function converse(persona: Persona, limit = 60, opening = true): Conversation {
  let turn = start(persona.lang ?? "zh-CN");
  const turns = [turn];
  let questions = 0;
  if (opening && persona.opening) {
    turn = respond(turn.state, persona.opening);
    turns.push(turn);
  }
  while (turn.state.pending && turns.length < limit) {
    turn = respond(turn.state, answerFor(turn, persona.profile));
    turns.push(turn);
    questions++;
  }
  return { state: turn.state, questions, turns };
}
