// The options of a question, as the reader needs them: label, aliases and the bare value
// (without the "#key=" prefix a tapped button carries).
import type { Profile } from "../../profile/mod.js";
import type { Translate } from "../../i18n/mod.js";
import { optionsFor } from "../ask.js";
import { parseKey } from "../keys.js";

export interface AnswerOption {
  readonly label: string;
  readonly value: string;
  readonly aliases?: readonly string[];
}

export function answerOptions(t: Translate, profile: Profile, key: string): AnswerOption[] {
  const q = parseKey(key);
  if (!q) return [];
  return optionsFor(t, profile, key, q).map((o) => ({ label: o.label, value: o.value.slice(key.length + 2), ...(o.aliases && { aliases: o.aliases }) }));
}
