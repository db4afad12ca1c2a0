// When a message says more than was asked, or something implied, one line says what was understood,
// so a mistake is seen at once; a plain answer to the question is not echoed.
import { describe, expect, it } from "vitest";
import { respond, start } from "../../src/dialogue/mod.js";

describe("echo of what was understood", () => {
  it("echoes facts beyond the question, on the right person", () => {
    const turn = respond(start("zh-CN").state, "我68了，老伴70，有残疾证");
    const echo = turn.replies[0]!.text;
    expect(echo).toMatch(/^记下了：/);
    expect(echo).toContain("您的配偶（70岁）");
    expect(echo).toContain("不对的话可以说“改”");
  });

  it("does not echo a plain answer, nor repeat what the profile already held", () => {
    let turn = respond(start("zh-CN").state, "68");
    expect(turn.replies.some((r) => r.text.startsWith("记下了"))).toBe(false);
    for (const input of ["本地", "没有", "没有", "是"]) turn = respond(turn.state, input);
    expect(turn.state.pending).toBe("m0.disabilityGrade");
    // "grade 2" implies the certificate, which was already recorded: nothing new to echo.
    turn = respond(turn.state, "二级");
    expect(turn.replies.some((r) => r.text.startsWith("记下了"))).toBe(false);
  });
});
