// The first results message fits a phone: at most 1,200 Chinese characters for one person and 2,500
// for a household of four, for every sample persona, and as much of the screen in English (a Chinese
// character is as wide as two Latin letters: screenWidth). Longer lists are cut, and "all results"
// shows them whole.
import { describe, expect, it } from "vitest";
import { respond, screenWidth } from "../../../src/dialogue/mod.js";
import { personas } from "../../helpers/fixtures.js";
import { converse } from "../../helpers/simulated-user.js";

const LIMITS: Record<number, number> = { 1: 1200, 2: 1650, 3: 2100, 4: 2500 };

describe.each(["zh-CN", "en"] as const)("first results message (%s)", (lang) => {
  it.each(personas().map((p) => [p.name, p] as const))("%s fits the limit for its household size", (_, persona) => {
    const { state, turns } = converse({ ...persona, lang }, 60, false);
    const results = turns.at(-1)!.replies[0]!.text;
    expect(state.phase).toBe("results");
    const limit = LIMITS[Math.min(4, persona.profile.members.length)]!;
    expect(screenWidth(results)).toBeLessThanOrEqual(2 * limit);
    if (lang === "zh-CN") expect(results.length).toBeLessThanOrEqual(limit);
    // Cut lists say how to see the rest, and the whole list is there on request.
    const whole = respond(state, lang === "en" ? "all results" : "全部结果").replies[0]!.text;
    expect(whole.length).toBeGreaterThanOrEqual(results.length);
  });
});
