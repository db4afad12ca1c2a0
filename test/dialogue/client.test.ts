// Screening someone else ("asking for my grandmother"): a new screening of that person, asked
// about in the third person; /new (restart) stays in that mode for the next client.
import { describe, expect, it } from "vitest";
import { respond, start } from "../../src/dialogue/mod.js";

describe("screening someone else", () => {
  it("starts a screening of the person named, in the third person", () => {
    const turn = respond(start("zh-CN").state, "我替我妈问问，她七十了");
    expect(turn.state.client).toBeDefined();
    expect(turn.state.profile.members[0]).toMatchObject({ age: 70, sex: "female" });
    const question = turn.replies.at(-1)!.text;
    expect(question).not.toMatch(/^您/);
    expect(question).toMatch(/她/);
  });

  it("speaks of the client's household in English too", () => {
    const turn = respond(start("en").state, "I'm asking for my grandmother, she is 81");
    expect(turn.state.profile.members[0]).toMatchObject({ age: 81, sex: "female" });
    expect(turn.replies.at(-1)!.text).toMatch(/\bher\b|\bshe\b/i);
  });

  it("keeps screening clients after a restart, with nothing of the last one", () => {
    const first = respond(start("zh-CN").state, "帮村里王大爷问，他75了");
    const next = respond(first.state, "重新开始");
    expect(next.state.client).toBeDefined();
    expect(next.state.profile.members).toEqual([{ relation: "self" }]);
  });
});
