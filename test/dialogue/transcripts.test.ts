// Conversations written as data (test/fixtures/conversations): user turns and the bot's
// expected moves: which question it asks next, what it says, what it records.
import { describe, expect, it } from "vitest";
import { respond, start, type Turn } from "../../src/dialogue/mod.js";
import { conversations } from "../helpers/fixtures.js";

describe.each(conversations().map((c) => [c.name, c] as const))("%s", (_, fixture) => {
  it("follows the transcript", () => {
    let turn: Turn = start(fixture.lang);
    fixture.turns.forEach((step, n) => {
      turn = respond(turn.state, step.user);
      const where = `turn ${n + 1} (${JSON.stringify(step.user)})`;
      const text = turn.replies.map((r) => r.text).join("\n");
      if (step.asks !== undefined) expect(turn.state.pending, where).toBe(step.asks);
      for (const s of step.says ?? []) expect(text, where).toContain(s);
      for (const s of step.notSays ?? []) expect(text, where).not.toContain(s);
      if (step.phase) expect(turn.state.phase, where).toBe(step.phase);
      if (step.skipped) expect(turn.state.skipped, where).toContain(step.skipped);
      if (step.effects) expect(turn.effects.map((e) => e.type), where).toEqual(step.effects);
      if (step.profile) expect(turn.state.profile, where).toMatchObject(step.profile as object);
      for (const path of step.absent ?? []) expect(readPath(turn.state.profile, path), `${where}: ${path}`).toBeUndefined();
      expect(turn.replies.length, where).toBeGreaterThan(0);
    });
  });
});

function readPath(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((v, key) => (v == null ? undefined : (v as Record<string, unknown>)[key]), value);
}

describe("several options tapped at once", () => {
  it("records each tapped value, and typed numbers stay option numbers", () => {
    let turn: Turn = start("zh-CN");
    for (const input of ["70", "1", "#members=spouse,child"]) turn = respond(turn.state, input);
    expect(turn.state.profile.members.map((m) => m.relation)).toEqual(["self", "spouse", "child"]);
    for (const input of ["68", "40", "是"]) turn = respond(turn.state, input);
    expect(turn.state.pending).toBe("assist");
    turn = respond(turn.state, "#assist=dibao,povertyRegistered");
    expect(turn.state.profile.household).toMatchObject({ dibao: true, povertyRegistered: true, lowIncome: false, tekun: false });
    // "who holds a certificate": option 2 typed is the second person listed, not member 2.
    while (turn.state.pending && turn.state.pending !== "who.disabled") turn = respond(turn.state, "不知道");
    expect(turn.state.pending).toBe("who.disabled");
    const second = turn.replies.at(-1)!.options![1]!.value.split("=")[1];
    turn = respond(turn.state, "2");
    expect(turn.state.profile.members[Number(second)]!.disabled).toBe(true);
  });
});

describe("one spouse", () => {
  it("never adds a second spouse, tapped twice or from an old button", () => {
    let turn: Turn = start("zh-CN");
    for (const input of ["70", "1", "#members=spouse,spouse,child"]) turn = respond(turn.state, input);
    expect(turn.state.profile.members.map((m) => m.relation)).toEqual(["self", "spouse", "child"]);
    turn = respond(turn.state, "#members=spouse");
    expect(turn.state.profile.members.filter((m) => m.relation === "spouse")).toHaveLength(1);
  });
});
