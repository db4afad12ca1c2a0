// A simulated user who knows a persona's true profile and answers whatever the bot asks,
// the way a person would type it: option numbers, yes/no, numbers, "不知道" when the persona
// leaves a fact unknown. Used by the persona tests and by the benchmark.
import { respond, start, type DialogueState, type Turn } from "../../src/dialogue/mod.js";
import { parseKey, RESIDENCE_FACTS, ASSISTANCE_FACTS } from "../../src/dialogue/keys.js";
import type { Profile } from "../../src/profile/profile.js";
import type { Lang } from "../../src/catalogue/mod.js";

export interface Persona {
  name: string;
  lang?: Lang;
  profile: Profile;
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
      const others = truth.members.slice(state.profile.members.length);
      if (others.length === 0) return optionNumber("none");
      return others.map((m) => optionNumber(m.relation ?? "other")).join(" ");
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
    case "othersDisabled": {
      const who = truth.members.map((m, i) => (i > 0 && m.disabled ? String(i) : "")).filter(Boolean);
      if (truth.members.slice(1).some((m) => m.disabled == null)) return SKIP[lang];
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

/** Plays a whole screening; stops at the results or after a safety limit of turns. */
export function converse(persona: Persona, limit = 60): Conversation {
  let turn = start(persona.lang ?? "zh-CN");
  const turns = [turn];
  let questions = 0;
  while (turn.state.pending && turns.length < limit) {
    turn = respond(turn.state, answerFor(turn, persona.profile));
    turns.push(turn);
    questions++;
  }
  return { state: turn.state, questions, turns };
}
