// "Your answers": what was recorded, numbered, so each answer can be corrected on its own ("change 3").
import type { Lang } from "../../catalogue/mod.js";
import { factLabel, valueLabel } from "../../engine/mod.js";
import type { Translate } from "../../i18n/mod.js";
import { factDefinition, type Profile } from "../../profile/mod.js";
import { factKey } from "../keys.js";
import type { Reply } from "../reply.js";
import type { ClientMode } from "../state.js";
import { whoLabel } from "../who.js";

export interface AnswerLine {
  readonly key: string;
  readonly text: string;
}

/** Every recorded answer, the household's first, each with the question key that changes it. */
export function answerLines(t: Translate, profile: Profile, client?: ClientMode): AnswerLine[] {
  const lines: AnswerLine[] = [];
  const add = (member: number | null, fact: string, value: unknown, who: string) => {
    const def = factDefinition(fact);
    if (!def || def.derived || value === undefined || value === null) return;
    lines.push({ key: factKey(member, fact), text: t("answers.line", { who, fact: factLabel(t, fact), value: shown(t, fact, value) }) });
  };
  if (profile.city) add(null, "city", profile.city, t("answers.household"));
  for (const [fact, value] of Object.entries(profile.household ?? {})) add(null, fact, value, t("answers.household"));
  profile.members.forEach((m, i) => {
    const who = whoLabel(t, profile, i, client);
    for (const [fact, value] of Object.entries(m)) if (fact !== "relation") add(i, fact, value, who);
  });
  return lines;
}

export function renderAnswers(t: Translate, _lang: Lang, profile: Profile, client?: ClientMode): Reply {
  const lines = answerLines(t, profile, client);
  if (lines.length === 0) return { text: t("answers.none") };
  return { text: [t("answers.title"), ...lines.map((l, i) => `${i + 1}. ${l.text}`), t("answers.next")].join("\n") };
}

function shown(t: Translate, fact: string, value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? t("answers.noneOfThese") : value.map((v) => valueLabel(t, fact, v)).join(t("list.and"));
  if (typeof value === "boolean") return t(value ? "answer.yes" : "answer.no");
  const unit = t(`facts.${fact}.unit`, { defaultValue: "" });
  return typeof value === "number" ? `${value}${unit}` : valueLabel(t, fact, value);
}
