// Short replies the conversation gives besides its questions: the glossary's explanation of a term
// asked about, and what it needs confirmed before it records an answer.
import type { Lang } from "../catalogue/mod.js";
import type { Translate } from "../i18n/mod.js";
import { glossaryTerm } from "./understand/mod.js";
import type { Confirm } from "./reading/types.js";
import type { Reply } from "./reply.js";
import { ASSISTANCE_FACTS, parseKey } from "./keys.js";
import { answerKind } from "./questions.js";
import type { DialogueState } from "./state.js";

export function questionBackReply(t: Translate, lang: Lang, term: string | undefined): Reply {
  const entry = term ? glossaryTerm(term) : undefined;
  if (!entry) return { text: t("question.noTerm") };
  return { text: `${lang === "en" ? entry.text.en : entry.text.zh}\n${t("question.thenAnswer")}` };
}

/** What to confirm, in words the user can answer ("about 70? Please give the exact age."). */
export function confirmReply(t: Translate, state: DialogueState, confirm: Confirm | undefined): Reply | undefined {
  if (!confirm) return undefined;
  const candidate = confirm.candidate === undefined || confirm.candidate === null ? "" : String(confirm.candidate);
  // A question with options ("which of these does your household receive?") is not answered "yes": say to choose.
  const context = candidate ? "candidate" : askedHow(state.pending, confirm.fact);
  const generic = t(`confirm.${confirm.reason}`, { fact: t(`facts.${confirm.fact}.name`, { defaultValue: confirm.fact }), candidate, context });
  // Some vague answers have a precise follow-up ("severe" is grade 1 or 2: which one?).
  return { text: candidate ? t(`confirm.specific.${confirm.fact}_${candidate}`, { defaultValue: generic }) : generic };
}

/** How the pending question asks the fact to confirm: as yes/no (no context), among options ("choose"), or not at all ("other"). */
function askedHow(key: string | null | undefined, fact: string): "choose" | "other" | undefined {
  const q = key ? parseKey(key) : undefined;
  if (q?.kind === "assist") return (ASSISTANCE_FACTS as readonly string[]).includes(fact) ? "choose" : "other";
  if (q?.kind === "who") return q.fact === fact ? "choose" : "other";
  if (q?.kind !== "fact" || q.fact !== fact) return "other";
  return answerKind(fact) === "yesno" ? undefined : "choose";
}
