// Sample personas (test/fixtures/personas) talk to the bot through a simulated user who answers
// from the persona's true profile. The conversation must stay short and never decide wrongly.
import { describe, expect, it } from "vitest";
import { ruleset, screenHousehold } from "../../src/engine/mod.js";
import { validateProfile } from "../../src/profile/mod.js";
import { personas } from "../helpers/fixtures.js";
import { recallOf, share } from "../helpers/recall.js";
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

  it("asks at most 10 questions of one person and 16 of a household of four", () => {
    for (const { persona, conversation } of played) {
      const limit = Math.min(20, 8 + 2 * persona.profile.members.length);
      expect(conversation.questions, persona.name).toBeLessThanOrEqual(limit);
    }
  });

  // Recall: of the targeted services a persona qualifies for, the share found by the results.
  // The bench prints every persona's figure; these are floors that a regression would break.
  it("finds a median of at least 90% of what one person qualifies for, and 75% for households", () => {
    const rows = all.map((p) => recallOf(p));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
    const single = rows.filter((r) => r.size === 1).map((r) => share(r.found, r.eligible));
    const households = rows.filter((r) => r.size > 1).map((r) => share(r.found, r.eligible));
    expect(median(single)).toBeGreaterThanOrEqual(0.9);
    expect(median(households)).toBeGreaterThanOrEqual(0.75);
  });

  it("shows results in the user's language", () => {
    const english = played.find((x) => x.persona.lang === "en")!;
    const last = english.conversation.turns[english.conversation.turns.length - 1]!;
    const text = last.replies.map((r) => r.text).join("\n");
    expect(text).toMatch(/Can apply|more to check/);
    expect(text).not.toMatch(/[\u4e00-\u9fff]{6,}/); // service names may quote Chinese, prose must not
  });
});
