// Whole screenings over the WeChat webhook: each sample persona answers every question the way a person
// would type it in WeChat (option numbers, ages, yes/no, "don't know"), reads long answers page by page with
// "more", and must end at the results with the same profile as the same persona talking to the core directly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatSessions } from "../../../src/channels/chat-session.js";
import { utf8Length } from "../../../src/channels/wechat/mod.js";
import { restoreState, type Turn } from "../../../src/dialogue/mod.js";
import { MemoryStore } from "../../../src/store/mod.js";
import { personas } from "../../helpers/fixtures.js";
import { answerFor, converse } from "../../helpers/simulated-user.js";
import { newMsgId, postPlain, replyContent, startWebhook, type Harness } from "./harness.js";

const store = new MemoryStore();
const real = new ChatSessions(store);
/** The core's last turn per user, so the simulated user knows which question is pending. */
const lastTurn = new Map<string, Turn>();
let h: Harness;

beforeAll(async () => {
  h = await startWebhook({
    store,
    sessions: {
      async handle(key: string, input: string) {
        const turn = await real.handle(key, input);
        lastTurn.set(key, turn);
        return turn;
      },
      run: (key, work) => real.run(key, work),
      lang: (key) => real.lang(key),
    },
  });
});
afterAll(() => h.close());

const HINT = /(?:更多|more).*[（(](\d+)\/(\d+)[）)]$/;

async function say(user: string, text: string): Promise<string> {
  const res = await postPlain(h.url, `<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><FromUserName><![CDATA[${user}]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${text}]]></Content><MsgId>${newMsgId()}</MsgId></xml>`);
  expect(res.status).toBe(200);
  const content = replyContent(await res.text(), user);
  expect(utf8Length(content)).toBeLessThanOrEqual(2000);
  return content;
}

/** Sends `text`, then "more" until the whole answer has been read; returns the pages. */
async function exchange(user: string, text: string, moreWord: string): Promise<string[]> {
  const pages = [await say(user, text)];
  for (let hint = HINT.exec(pages[0]!); hint; hint = HINT.exec(pages[pages.length - 1]!)) {
    expect(Number(hint[1])).toBe(pages.length);
    expect(pages.length).toBeLessThan(40);
    pages.push(await say(user, moreWord));
  }
  const total = HINT.exec(pages[0]!)?.[2];
  expect(pages.length).toBe(total ? Number(total) : 1);
  return pages;
}

describe("a whole screening over the webhook", () => {
  it.each(personas().map((p) => [p.name, p] as const))("%s reaches the results", async (name, persona) => {
    const user = `o_${name}`;
    const key = `wechat:${user}`;
    const en = persona.lang === "en";
    const more = en ? "more" : "更多";
    let pages = await exchange(user, en ? "English" : "你好", more);
    let answers = 0;
    while (lastTurn.get(key)!.state.pending !== null) {
      const turn = lastTurn.get(key)!;
      // The question and its choices are on the last page, numbered unless the answer is typed.
      const question = turn.replies[turn.replies.length - 1]!;
      const shown = pages[pages.length - 1]!;
      expect(shown).toContain(question.text);
      for (const [i, option] of (question.options ?? []).entries()) {
        expect(shown).toContain(question.numbered === false ? option.label : `${i + 1}. ${option.label}`);
      }
      pages = await exchange(user, answerFor(turn, persona.profile), more);
      expect(++answers).toBeLessThan(60);
    }

    // Results longer than one passive reply come in pages, each within WeChat's limit.
    const results = pages.join("\n");
    for (const page of pages) expect(Buffer.byteLength(page)).toBeLessThanOrEqual(2048);
    if (Buffer.byteLength(results) > 2048) expect(pages.length).toBeGreaterThan(1);
    expect(results).toMatch(en ? /Can apply|more to check|No services aimed at/ : /可以申请|待确认|暂未找到/);
    const state = restoreState(((await store.get(key))!.state as { dialogue: unknown }).dialogue)!;
    expect(state.phase).toBe("results");
    // The persona answered questions only, without its opening line.
    expect(state.profile).toEqual(converse(persona, 60, false).state.profile);
    expect(await store.get(`wechat-outbox:${user}`)).toBeUndefined();
    // The pages came from the outbox: "more" never reached the core.
    expect(h.inputs).not.toContain(more);
  });
});
