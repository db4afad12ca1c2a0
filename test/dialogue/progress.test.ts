// The progress line ("so far N services found") appears only when the count grows, and never goes
// backwards, also when family members are added.
import { describe, expect, it } from "vitest";
import { respond, start } from "../../src/dialogue/mod.js";

describe("progress line", () => {
  it("only ever grows over a household's screening", () => {
    let turn = start("zh-CN");
    const counts: number[] = [];
    for (const input of ["70", "本地", "老伴68岁，孙子8岁", "是", "低保", "不知道", "是", "二级"]) {
      turn = respond(turn.state, input);
      for (const r of turn.replies) {
        const m = /到目前为止已找到 (\d+) 项/.exec(r.text);
        if (m) counts.push(Number(m[1]));
      }
    }
    expect(counts.length).toBeGreaterThan(1);
    for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeGreaterThan(counts[i - 1]!);
  });
});
