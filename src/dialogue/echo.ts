// After an answer that set more than one fact, or anything implied, one short line says what was
// understood ("Noted: 68, rural hukou; your spouse: grade-2 certificate; dibao"), so a mistake is
// seen at once and can be corrected.
import { factLabel, valueLabel } from "../engine/mod.js";
import type { Translate } from "../i18n/mod.js";
import { factDefinition, type Profile } from "../profile/mod.js";
import { ASSISTANCE_FACTS, type QuestionKey } from "./keys.js";
import type { Recorded } from "./reading/types.js";
import type { Reply } from "./reply.js";
import type { ClientMode } from "./state.js";
import { whoLabel } from "./who.js";

/** Whether the answer needs echoing: a fact beyond those the question asks, or one implied rather than said. */
export function needsEcho(recorded: readonly Recorded[], asked: QuestionKey | undefined): boolean {
  const covered = askedFacts(asked);
  return recorded.some((r) => r.inferred || (r.fact !== "relation" && !covered.includes(r.fact)));
}

/** The facts a question's own answer sets: recording only these is just answering it. */
function askedFacts(q: QuestionKey | undefined): readonly string[] {
  if (!q) return [];
  if (q.kind === "fact") return [q.fact];
  if (q.kind === "assist") return ASSISTANCE_FACTS;
  if (q.kind === "ages") return ["age"];
  if (q.kind === "who") return [q.fact];
  return [];
}

export function echoLine(t: Translate, profile: Profile, recorded: readonly Recorded[], client?: ClientMode): Reply {
  const groups = new Map<number | null, string[]>();
  for (const r of recorded) {
    const phrase = factPhrase(t, r);
    groups.set(r.member, [...(groups.get(r.member) ?? []), ...(phrase ? [phrase] : [])]);
  }
  // The people in the order they are listed, the household last; its facts name the household themselves.
  const order = [...groups.keys()].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  const parts = order.map((member) => {
    const phrases = groups.get(member)!;
    if (member === null) return phrases.join(t("list.and"));
    return t("echo.part", { who: whoLabel(t, profile, member, client), facts: phrases.length > 0 ? phrases.join(t("list.and")) : t("echo.added") });
  });
  return { text: t("echo.line", { facts: parts.join(t("echo.separator")) }) };
}

function factPhrase(t: Translate, r: Recorded): string | undefined {
  const def = factDefinition(r.fact);
  if (!def) return undefined;
  if (r.fact === "relation") return undefined;
  if (def.type === "boolean") return t(`facts.${r.fact}.${r.value ? "yes" : "no"}`, { defaultValue: "" }) || undefined;
  if (def.type === "number") return t("echo.number", { fact: factLabel(t, r.fact), value: r.value, unit: t(`facts.${r.fact}.unit`, { defaultValue: "" }) });
  if (Array.isArray(r.value)) return r.value.length === 0 ? t("echo.noneOf", { fact: factLabel(t, r.fact) }) : r.value.map((v) => valueLabel(t, r.fact, v)).join(t("list.and"));
  // A value that does not say what it is of ("grade 2") is said with its fact.
  return t(`facts.${r.fact}.echo`, { value: valueLabel(t, r.fact, r.value), defaultValue: valueLabel(t, r.fact, r.value) });
}
