import { describe, expect, it } from "vitest";
import { ChatSessions, type SessionTurn } from "../../../src/channels/chat-session.js";
import { CALLBACK_DATA_MAX_BYTES, TELEGRAM_MAX_TEXT } from "../../../src/channels/telegram/mod.js";
import { translator } from "../../../src/i18n/mod.js";
import { MemoryStore } from "../../../src/store/mod.js";
import { buttons, harness, type SentMessage } from "./harness.js";

const zh = translator("zh-CN");
const en = translator("en");

type State = { lang: string; phase: string; pending: string | null; profile: { members: Record<string, unknown>[] } };

async function stored(store: MemoryStore, chatId: number): Promise<State | undefined> {
  return ((await store.get(`telegram:${chatId}`))?.state as { dialogue: State } | undefined)?.dialogue;
}

/** The last message that carries buttons. */
function lastKeyboard(sent: SentMessage[]): SentMessage {
  const found = [...sent].reverse().find((m) => m.reply_markup);
  if (!found) throw new Error("no keyboard sent");
  return found;
}

describe("telegram bot", () => {
  it("/start sends the welcome, then the first question with an inline keyboard", async () => {
    const h = harness();
    await h.text(1, "/start");
    expect(h.sent.map((m) => m.text)).toEqual([zh("welcome"), expect.any(String)]);
    const question = h.sent[1]!;
    expect(question.chat_id).toBe(1);
    expect(buttons(question).length).toBeGreaterThan(0);
    expect(buttons(question).every((b) => b.callback_data.startsWith("#"))).toBe(true);
    expect(h.calls.every((c) => c.payload.parse_mode === undefined)).toBe(true);
    expect((await stored(h.store, 1))?.pending).toBe("m0.age");
    expect(h.logs).toEqual([]);
  });

  it("a tapped button answers its question: the next one arrives and the tap is acknowledged", async () => {
    const h = harness();
    await h.text(1, "/start");
    await h.text(1, "35");
    const hukou = lastKeyboard(h.sent);
    const local = buttons(hukou).find((b) => b.callback_data === "#m0.hukou=local")!;
    expect(local).toBeDefined();
    const mark = h.calls.length;
    const sentBefore = h.sent.length;

    await h.tap(1, local.callback_data);

    const methods = h.calls.slice(mark).map((c) => c.method);
    expect(methods[0]).toBe("answerCallbackQuery");
    // The tapped question shows the choice and loses its buttons.
    const edit = h.calls.slice(mark).find((c) => c.method === "editMessageText")!;
    expect(edit.payload).toMatchObject({ chat_id: 1, message_id: hukou.message_id, text: `${hukou.text}\n\n${zh("telegram.chosen", { label: local.text })}` });
    expect(edit.payload.reply_markup).toBeUndefined();
    // The next question, with its own buttons.
    const next = lastKeyboard(h.since(sentBefore));
    expect(buttons(next).some((b) => b.callback_data.startsWith("#m0.hukou="))).toBe(false);
    const state = await stored(h.store, 1);
    expect(state?.profile.members[0]).toMatchObject({ age: 35, hukou: "local" });
    expect(state?.pending).not.toBe("m0.hukou");
  });

  it("a tap whose query is too old to answer still answers the question", async () => {
    const h = harness();
    h.bot.api.config.use(async (prev, method, payload, signal) => {
      if (method === "answerCallbackQuery") return { ok: false, error_code: 400, description: "Bad Request: query is too old" };
      return prev(method, payload, signal);
    });
    await h.text(1, "/start");
    await h.text(1, "35");
    await h.tap(1, "#m0.hukou=local");
    expect((await stored(h.store, 1))?.profile.members[0]).toMatchObject({ hukou: "local" });
  });

  it("typed answers work: a number for the age, an option's number or label for a choice", async () => {
    const h = harness();
    await h.text(1, "/start");
    await h.text(1, "35");
    await h.text(1, "1");
    expect((await stored(h.store, 1))?.profile.members[0]).toMatchObject({ age: 35, hukou: "local" });

    const other = harness();
    await other.text(2, "/start");
    await other.text(2, "70岁");
    await other.text(2, "外省户口");
    expect((await stored(other.store, 2))?.profile.members[0]).toMatchObject({ age: 70, hukou: "other-province" });
  });

  it("/delete removes the stored session and confirms in the user's language", async () => {
    const h = harness();
    await h.text(1, "/start");
    await h.text(1, "35");
    expect(await stored(h.store, 1)).toBeDefined();
    const mark = h.sent.length;
    await h.text(1, "/delete");
    expect(await h.store.get("telegram:1")).toBeUndefined();
    expect(h.since(mark)).toHaveLength(1);
    expect(h.since(mark)[0]!.text).toBe(`${zh("deleted")}\n${zh("telegram.afterDelete")}`);

    await h.text(3, "/lang en");
    await h.text(3, "/delete");
    expect(await h.store.get("telegram:3")).toBeUndefined();
    expect(h.sent.at(-1)!.text).toContain(en("deleted"));

    // Nothing to delete: still confirmed, still nothing stored.
    await h.text(4, "/delete");
    expect(await h.store.get("telegram:4")).toBeUndefined();
    expect(h.sent.at(-1)!.text).toContain(zh("deleted"));
  });

  it("/lang switches language and /start keeps the chosen language; /help sends the help", async () => {
    const h = harness();
    await h.text(1, "/start");
    await h.text(1, "/lang");
    expect((await stored(h.store, 1))?.lang).toBe("en");
    const mark = h.sent.length;
    await h.text(1, "/start");
    expect(h.since(mark)[0]!.text).toBe(en("welcome"));
    await h.text(1, "/help");
    expect(h.sent.some((m) => m.text === en("help.text"))).toBe(true);
    await h.text(1, "/restart");
    expect(h.sent.at(-2)!.text).toBe(en("welcome"));
  });

  it("splits a long reply under 4,096 characters, the keyboard on the last part", async () => {
    const paragraph = (c: string) => `${c.repeat(1500)}\n${c.repeat(1500)}`;
    const long = [paragraph("甲"), paragraph("乙"), paragraph("丙")].join("\n\n");
    class LongSessions extends ChatSessions {
      override async handle(key: string, input: string): Promise<SessionTurn> {
        const turn = await super.handle(key, input);
        return { ...turn, replies: [{ text: long, options: [{ label: "OK", value: "#m0.age=?" }] }] };
      }
    }
    const h = harness({ sessions: new LongSessions(new MemoryStore()) });
    await h.text(1, "hello");
    expect(h.sent.length).toBeGreaterThan(1);
    for (const m of h.sent) expect(m.text.length).toBeLessThanOrEqual(TELEGRAM_MAX_TEXT);
    // Nothing lost but the line breaks at the cuts.
    expect(h.sent.map((m) => m.text.replace(/\n/g, "")).join("") === long.replace(/\n/g, "")).toBe(true);
    expect(h.sent.slice(0, -1).every((m) => m.reply_markup === undefined)).toBe(true);
    expect(buttons(h.sent.at(-1)!)).toEqual([{ text: "OK", callback_data: "#m0.age=?" }]);
  });

  it("a sticker gets the please-type-text message, in the chat's language", async () => {
    const h = harness();
    await h.sticker(1);
    expect(h.sent.map((m) => m.text)).toEqual([zh("telegram.textOnly")]);
    expect(await h.store.get("telegram:1")).toBeUndefined();
    await h.text(1, "/lang en");
    await h.sticker(1);
    expect(h.sent.at(-1)!.text).toBe(en("telegram.textOnly"));
  });

  it("in a group, commands get 'talk to me privately' and nothing is stored", async () => {
    const h = harness();
    await h.groupCommand(-100, "/start");
    await h.groupCommand(-100, `/help@${h.bot.botInfo.username}`);
    expect(h.sent.map((m) => m.text)).toEqual([zh("telegram.privateOnly"), zh("telegram.privateOnly")]);
    expect(await h.store.get("telegram:-100")).toBeUndefined();
  });

  it("a failure is logged without the message text and the user gets an apology", async () => {
    class BrokenSessions extends ChatSessions {
      override handle(): Promise<SessionTurn> {
        return Promise.reject(new TypeError("store unavailable"));
      }
    }
    const h = harness({ sessions: new BrokenSessions(new MemoryStore()) });
    await h.text(1, "my secret answer 12345");
    expect(h.sent.map((m) => m.text)).toEqual([zh("telegram.failed")]);
    expect(h.logs).toHaveLength(1);
    expect(h.logs[0]).toContain("TypeError");
    expect(h.logs[0]).not.toContain("12345");
    await h.tap(1, "#m0.hukou=local");
    expect(h.methods()).toContain("answerCallbackQuery");
  });

  it("handles one chat's updates in order even when they arrive together (webhook)", async () => {
    const h = harness({ apiDelayMs: 5 });
    await Promise.all([h.text(1, "/start"), h.text(1, "35"), h.text(2, "/start")]);
    const chat1 = h.sent.filter((m) => m.chat_id === 1).map((m) => m.text);
    expect(chat1[0]).toBe(zh("welcome"));
    expect(chat1[1]).toBe(h.sent.find((m) => m.chat_id === 2 && m.reply_markup)!.text);
    expect((await stored(h.store, 1))?.profile.members[0]).toMatchObject({ age: 35 });
    // welcome, the age question, and after "35" the hukou question (nothing found yet, so no progress line)
    expect(chat1).toHaveLength(3);
  });

  for (const lang of ["zh-CN", "en"] as const) {
    it(`completes a whole screening by taps and typed numbers (${lang})`, async () => {
      const t = translator(lang);
      const h = harness();
      await h.text(5, lang === "en" ? "/lang en" : "/start");
      const answered = new Set<string>();
      let steps = 0;
      while (!h.sent.some((m) => m.text.startsWith(t("results.title")))) {
        if (++steps > 60) throw new Error("the screening did not finish");
        const last = h.sent.at(-1)!;
        const real = buttons(last).filter((b) => !b.callback_data.endsWith("=?"));
        if (real.length === 0) {
          await h.text(5, "40"); // an age
          continue;
        }
        // First option the first time; the last real one ("nobody else") when a question comes back.
        const key = real[0]!.callback_data.split("=")[0]!;
        await h.tap(5, (answered.has(key) ? real.at(-1)! : real[0]!).callback_data);
        answered.add(key);
      }
      const state = await stored(h.store, 5);
      expect(state?.phase).toBe("results");
      expect(state?.lang).toBe(lang);
      // The summary, then how to go on.
      const results = h.sent.slice(h.sent.findIndex((m) => m.text.startsWith(t("results.title"))));
      expect(results.length).toBeGreaterThanOrEqual(2);
      expect(results.at(-1)!.text).toContain(t("results.disclaimer"));
      for (const m of h.sent) {
        expect(m.text.length).toBeLessThanOrEqual(TELEGRAM_MAX_TEXT);
        for (const b of buttons(m)) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
      }
      expect(h.methods().filter((m) => m === "answerCallbackQuery").length).toBe(h.calls.filter((c) => c.method === "editMessageText").length);
      expect(h.logs).toEqual([]);
    });
  }
});
