// Turns a question key into a reply: the question in the user's language, with its options.
// Option values are structured ("#m0.hukou=local") so a tapped button answers exactly the
// question it belongs to, even if the user tapped an old one.
import { factDefinition } from "../profile/mod.js";
import type { Profile } from "../profile/mod.js";
import type { Translate } from "../i18n/mod.js";
import { valueLabel } from "../engine/mod.js";
import { ASSISTANCE_FACTS, parseKey, type QuestionKey } from "./keys.js";
import { answerKind, INCOME_RANGES, togetherMembers } from "./questions.js";
import { personContext, whoLabel } from "./who.js";
import type { Option, Reply } from "./reply.js";
import type { ClientMode } from "./state.js";
import { memberAliases, valueAliases } from "./lexicon.js";

export const SKIP_VALUE = "?";
export const NONE_VALUE = "none";

export function optionsFor(t: Translate, profile: Profile, key: string, q: QuestionKey, client?: ClientMode): Option[] {
  const skip: Option = { label: t("answer.skip"), value: `#${key}=${SKIP_VALUE}` };
  if (q.kind === "assist") {
    return [
      ...ASSISTANCE_FACTS.map((f) => ({ label: t(`assist.${f}`), value: `#${key}=${f}` })),
      { label: t("assist.none"), value: `#${key}=${NONE_VALUE}` },
      skip,
    ];
  }
  if (q.kind === "members") {
    // A spouse already listed is not offered again ("anyone else?" after tapping spouse).
    const hasSpouse = profile.members.some((m, i) => i > 0 && m.relation === "spouse");
    const relations = ["spouse", "child", "parent", "grandparent", "other"].filter((r) => r !== "spouse" || !hasSpouse);
    return [
      ...relations.map((r) => ({ label: t(`relation.${r}`), value: `#${key}=${r}` })),
      { label: t("members.nobody"), value: `#${key}=${NONE_VALUE}` },
    ];
  }
  if (q.kind === "ages") return [skip];
  if (q.kind === "sameResidence") {
    return [{ label: t("answer.yes"), value: `#${key}=true` }, { label: t("answer.no"), value: `#${key}=false` }, skip];
  }
  if (q.kind === "who") {
    return [
      ...togetherMembers(profile, q.fact).map((i) => ({ label: whoLabel(t, profile, i, client), value: `#${key}=${i}`, aliases: memberAliases(profile, i) })),
      { label: t("answer.noneOfThem"), value: `#${key}=${NONE_VALUE}` },
      skip,
    ];
  }
  const def = factDefinition(q.fact);
  switch (answerKind(q.fact)) {
    case "yesno":
      return [
        { label: t("answer.yes"), value: `#${key}=true` },
        { label: t("answer.no"), value: `#${key}=false` },
        skip,
      ];
    case "choice":
    case "multi": {
      const values = (def?.values ?? []).map((v) => ({ label: valueLabel(t, q.fact, v), value: `#${key}=${v}`, aliases: valueAliases(q.fact, String(v)) }));
      const none = answerKind(q.fact) === "multi" ? [{ label: t("answer.noneOfThese"), value: `#${key}=${NONE_VALUE}` }] : [];
      return [...values, ...none, skip];
    }
    case "number":
      if (q.fact === "incomePerPersonMonthly") {
        return [
          ...INCOME_RANGES.map(([low, high]) => ({
            label: high === null ? t("income.above", { low }) : low === 0 ? t("income.below", { high }) : t("income.range", { low, high }),
            value: `#${key}=range:${low}`,
          })),
          skip,
        ];
      }
      return [skip];
  }
}

export function questionText(t: Translate, profile: Profile, key: string, q: QuestionKey, client?: ClientMode): string {
  // Screening someone else, the household questions speak of that person's household.
  const whole = { context: client ? "client" : undefined, who: whoLabel(t, profile, 0, client) };
  if (q.kind === "assist") return t("q.assist", whole);
  if (q.kind === "members") return t(profile.members.length > 1 ? "q.membersMore" : "q.members", whole);
  if (q.kind === "sameResidence") return t("q.sameResidence", whole);
  if (q.kind === "who") return t(`qWho.${q.fact}`, whole);
  if (q.kind === "ages") {
    const waiting = profile.members.map((m, i) => ({ m, i })).filter(({ m, i }) => i > 0 && m.relation === q.relation && m.age == null);
    if (waiting.length === 1) return t("q.age", { context: "other", who: whoLabel(t, profile, waiting[0]!.i, client) });
    return t("q.ages", { who: t(`relation.${q.relation}`), count: waiting.length });
  }
  const who = whoLabel(t, profile, q.member ?? 0, client);
  return t(`q.${q.fact}`, { context: personContext(q.member, client), who });
}

export function ask(t: Translate, profile: Profile, key: string, retry: 0 | 1 | 2 = 0, client?: ClientMode): Reply {
  const q = parseKey(key);
  if (!q) return { text: t("error.lost") };
  const text = questionText(t, profile, key, q, client);
  const options = optionsFor(t, profile, key, q, client);
  const numbered = !takesFreeText(q) || (q.kind === "fact" && q.fact === "incomePerPersonMonthly") || q.kind === "members";
  const multiple = q.kind === "assist" || q.kind === "who" || q.kind === "members" || (q.kind === "fact" && answerKind(q.fact) === "multi");
  if (retry === 0) return { text, options, numbered, ...(multiple && { multiple }) };
  const hint = t(retry === 1 || !numbered ? "retry.example" : "retry.options", { example: t(exampleKey(q)) });
  return { text: `${hint}\n${text}`, options, numbered, ...(multiple && { multiple }) };
}

/** Questions answered with numbers or sentences: "1" is an age, not option 1, and "two children" is not the option "child". */
export function takesFreeText(q: QuestionKey): boolean {
  return q.kind === "members" || q.kind === "ages" || (q.kind === "fact" && answerKind(q.fact) === "number");
}

function exampleKey(q: QuestionKey): string {
  if (q.kind !== "fact") return `example.${q.kind}`;
  return `example.${answerKind(q.fact)}${q.fact === "age" || q.fact === "monthsResident" || q.fact === "incomePerPersonMonthly" ? `.${q.fact}` : ""}`;
}
