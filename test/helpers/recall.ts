// Recall of a conversation: of the services a persona is eligible for with the full profile, the
// share the conversation found eligible when it showed the results. Universal services (open to
// every resident) are counted apart: they are found without a single question.
import { catalogue } from "../../src/catalogue/mod.js";
import { ruleset, screenHousehold } from "../../src/engine/mod.js";
import type { Profile } from "../../src/profile/mod.js";
import { converse, type Persona } from "./simulated-user.js";

export interface Recall {
  readonly name: string;
  readonly size: number;
  readonly questions: number;
  /** Targeted services (not open to everyone): eligible with the full profile, and found. */
  readonly eligible: number;
  readonly found: number;
  /** The same, universal services included. */
  readonly eligibleAll: number;
  readonly foundAll: number;
  readonly missed: readonly string[];
}

/** `opening`: the persona says its opening line first; without, it only answers the questions. */
export function recallOf(persona: Persona, opening = true): Recall {
  const rules = ruleset();
  const { byId } = catalogue();
  const conversation = converse(persona, 60, opening);
  const truth = screenHousehold(rules, persona.profile, { unlocks: false });
  const told = screenHousehold(rules, conversation.state.profile as Profile, { unlocks: false });
  let eligible = 0, found = 0, eligibleAll = 0, foundAll = 0;
  const missed: string[] = [];
  truth.forEach((member, m) =>
    rules.rules.forEach((rule, i) => {
      if (member.outcomes[i]?.status !== "eligible") return;
      const hit = told[m]?.outcomes[i]?.status === "eligible";
      eligibleAll++;
      if (hit) foundAll++;
      if (byId.get(rule.service)?.universal) return;
      eligible++;
      if (hit) found++;
      else missed.push(`${m}:${rule.id}`);
    }),
  );
  return { name: persona.name, size: persona.profile.members.length, questions: conversation.questions, eligible, found, eligibleAll, foundAll, missed };
}

export function share(found: number, eligible: number): number {
  return eligible === 0 ? 1 : found / eligible;
}
