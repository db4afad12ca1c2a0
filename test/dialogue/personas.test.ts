// Sample personas (test/fixtures/personas) talk to the bot through a simulated user who answers
// from the persona's true profile. The conversation must stay short and never decide wrongly.
import { describe, expect, it } from "vitest";
import { ruleset, screenHousehold } from "../../src/engine/mod.js";
import { validateProfile } from "../../src/profile/mod.js";
import { personas } from "../helpers/fixtures.js";
import { converse } from "../helpers/simulated-user.js";

const rules = ruleset();
const all = personas();
const played = all.map((p) => ({ persona: p, conversation: converse(p) }));

describe("personas", () => {
  it.each(played.map((x) => [x.persona.name, x] as const))("%s reaches the results with a valid, small state", (_, { persona, conversation }) => {
    expect(validateProfile(persona.profile).ok).toBe(true);
    expect(conversation.state.phase).toBe("results");
    expect(conversation.state.pending).toBeNull();
    expect(JSON.stringify(conversation.state).length).toBeLessThan(2048);
    expect(conversation.state.profile.members).toHaveLength(persona.profile.members.length);
  });

  it.each(played.map((x) => [x.persona.name, x] as const))("%s: every service the chat decided agrees with the full profile", (_, { persona, conversation }) => {
    const truth = screenHousehold(rules, persona.profile, { unlocks: false });
    const told = screenHousehold(rules, conversation.state.profile, { unlocks: false });
    told.forEach((member, m) =>
      member.outcomes.forEach((o, i) => {
        if (o.status !== "unknown") expect(`${rules.rules[i]!.service}#${m}:${o.status}`).toBe(`${rules.rules[i]!.service}#${m}:${truth[m]!.outcomes[i]!.status}`);
      }),
    );
  });

  it("asks a median of at most 8 questions, and at most 15 for a household of four", () => {
    const counts = played.map((x) => x.conversation.questions).sort((a, b) => a - b);
    const median = counts[Math.floor((counts.length - 1) / 2)]!;
    expect(median).toBeLessThanOrEqual(8);
    for (const { persona, conversation } of played) {
      if (persona.profile.members.length <= 4) expect(conversation.questions, persona.name).toBeLessThanOrEqual(15);
    }
  });

  it("shows results in the user's language", () => {
    const english = played.find((x) => x.persona.lang === "en")!;
    const last = english.conversation.turns[english.conversation.turns.length - 1]!;
    const text = last.replies.map((r) => r.text).join("\n");
    expect(text).toMatch(/You can apply|Needs one more answer/);
    expect(text).not.toMatch(/[\u4e00-\u9fff]{6,}/); // service names may quote Chinese, prose must not
  });
});
