// Questions that take several answers, in WeChat's text: the options numbered, a line saying several
// numbers may be typed ("1 3") unless the question already says how, and "1 3" recorded as both answers.
import { describe, expect, it } from "vitest";
import { envelope } from "../../../src/channels/session-envelope.js";
import { renderReply } from "../../../src/channels/wechat/mod.js";
import { initialState, respond, type DialogueState } from "../../../src/dialogue/mod.js";
import { translator } from "../../../src/i18n/mod.js";
import type { Harness } from "./harness.js";
import { say, useWebhooks } from "./fakes.js";

const webhook = useWebhooks();
const zh = translator("zh-CN");
const en = translator("en");

/** A couple of 70 and 68 whose conversation waits on `pending`. */
function waitingOn(pending: string, lang: "zh-CN" | "en" = "zh-CN"): DialogueState {
  const members = [
    { relation: "self" as const, age: 70, hukou: "local" as const },
    { relation: "spouse" as const, age: 68, hukou: "local" as const },
  ];
  return { ...initialState(lang), profile: { members }, asked: ["m0.age", "m0.hukou", "members"], pending };
}

async function stored(h: Harness, user: string): Promise<DialogueState> {
  return ((await h.store.get(`wechat:${user}`))!.state as { dialogue: DialogueState }).dialogue;
}

describe("wechat multi-select", () => {
  it("numbers the options and says several may be typed; '1 3' answers both", async () => {
    const h = await webhook();
    await h.store.set("wechat:o_multi", envelope(waitingOn("assist"), 3, null));
    // "help" shows the question again, as WeChat will show it.
    const shown = await say(h, "o_multi", "帮助");
    const question = respond(waitingOn("assist"), "帮助").replies.at(-1)!;
    expect(question.multiple).toBe(true);
    question.options!.forEach((o, i) => expect(shown).toContain(`${i + 1}. ${o.label}`));
    expect(shown.endsWith(`${question.options!.length}. ${question.options!.at(-1)!.label}\n${zh("wechat.several")}`)).toBe(true);

    await say(h, "o_multi", "1 3");
    const chosen = [0, 2].map((i) => question.options![i]!.value.split("=")[1]!);
    const household = (await stored(h, "o_multi")).profile.household as Record<string, unknown>;
    expect(chosen).toEqual(["dibao", "tekun"]);
    expect(household).toMatchObject({ dibao: true, tekun: true, lowIncome: false, povertyRegistered: false });
  });

  it("works for people too: '1 2' to 'who in the household…'", async () => {
    const h = await webhook();
    await h.store.set("wechat:o_who", envelope(waitingOn("who.disabled"), 3, null));
    const shown = await say(h, "o_who", "帮助");
    expect(shown).toContain("1. 您\n2. 您的配偶（68岁）");
    expect(shown).toContain(zh("wechat.several"));
    await say(h, "o_who", "1 2");
    expect((await stored(h, "o_who")).profile.members.map((m) => m.disabled)).toEqual([true, true]);
  });

  it("a question asked again with its example does not say it twice", async () => {
    const h = await webhook();
    await h.store.set("wechat:o_again", envelope(waitingOn("assist"), 3, null));
    const again = await say(h, "o_again", "啊啊啊");
    expect(again).toContain(zh("example.assist"));
    expect(again).not.toContain(zh("wechat.several"));
  });

  it("says it in English, and only for questions that take several answers", () => {
    const question = respond(waitingOn("assist", "en"), "help").replies.at(-1)!;
    expect(renderReply(en, question)).toContain(`\n${en("wechat.several")}`);
    expect(renderReply(en, { ...question, multiple: false })).not.toContain(en("wechat.several"));
    // A typed answer with shortcuts (an age) is not numbered at all.
    expect(renderReply(en, { text: "How old?", options: [{ label: "don't know", value: "#m0.age=?" }], numbered: false, multiple: true })).not.toContain(en("wechat.several"));
  });
});
