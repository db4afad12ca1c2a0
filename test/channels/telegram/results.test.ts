// After the results, Telegram shows buttons for what comes next: a number per result line ("details N")
// and the commands the summary names. Each test starts from a finished screening (a sample persona's,
// put in the store as the bot would have left it) and checks what a tap does through the real core.
import { describe, expect, it } from "vitest";
import { ChatSessions, type SessionTurn } from "../../../src/channels/chat-session.js";
import { envelope } from "../../../src/channels/session-envelope.js";
import { CALLBACK_DATA_MAX_BYTES, MAX_LINE_BUTTONS, renderReply, TELEGRAM_MAX_TEXT } from "../../../src/channels/telegram/mod.js";
import { respond, type DialogueState } from "../../../src/dialogue/mod.js";
import { translator, type Lang } from "../../../src/i18n/mod.js";
import { MemoryStore } from "../../../src/store/mod.js";
import { personas } from "../../helpers/fixtures.js";
import { converse, type Persona } from "../../helpers/simulated-user.js";
import { buttons, harness, type SentMessage } from "./harness.js";

function persona(name: string): Persona {
  const found = personas().find((p) => p.name === name);
  if (!found) throw new Error(`no persona ${name}`);
  return found;
}

/** The persona's screening, finished, in `lang`. */
function finished(name: string, lang: Lang = "zh-CN"): DialogueState {
  const state = converse({ ...persona(name), lang }, 60, false).state;
  expect(state.phase).toBe("results");
  return state;
}

type H = ReturnType<typeof harness>;

/** Stores `state` for the chat and asks for the results, as a user coming back to a finished screening would. */
async function atResults(h: H, chatId: number, state: DialogueState): Promise<SentMessage[]> {
  await h.store.set(`telegram:${chatId}`, envelope(state, 1, null));
  const mark = h.sent.length;
  await h.text(chatId, state.lang === "en" ? "results" : "结果");
  return h.since(mark);
}

async function stored(h: H, chatId: number): Promise<DialogueState> {
  return ((await h.store.get(`telegram:${chatId}`))!.state as { dialogue: DialogueState }).dialogue;
}

describe("telegram results buttons", () => {
  for (const lang of ["zh-CN", "en"] as const) {
    it(`follow the summary: one number per line, then continue, all, pending, print, restart (${lang})`, async () => {
      const t = translator(lang);
      const h = harness();
      const state = finished("rural-elderly-alone-dibao", lang);
      const results = await atResults(h, 1, state);
      // The summary, then its closing; the buttons on the last message only.
      expect(results.map((m) => m.text)).toEqual(respond(state, lang === "en" ? "results" : "结果").replies.map((r) => r.text));
      expect(results.slice(0, -1).every((m) => m.reply_markup === undefined)).toBe(true);
      const shown = buttons(results.at(-1)!);
      const lines = state.listed!.length;
      expect(lines).toBeGreaterThan(1);
      expect(lines).toBeLessThanOrEqual(MAX_LINE_BUTTONS);
      expect(shown.slice(0, lines)).toEqual(Array.from({ length: lines }, (_, i) => ({ text: String(i + 1), callback_data: t("telegram.results.details", { n: i + 1 }) })));
      expect(shown.slice(lines).map((b) => b.callback_data)).toEqual(["continue", "all", "pending", "print", "restart"].map((c) => t(`telegram.results.${c}`)));
      for (const b of shown) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
      // Numbers in rows of at most six, then the commands in rows of their own.
      const rows = results.at(-1)!.reply_markup!.inline_keyboard;
      expect(rows.every((row) => row.length <= 6)).toBe(true);
      expect(rows.flat().length).toBe(lines + 5);
    });

    it(`a number opens that line's details, like typing it (${lang})`, async () => {
      const t = translator(lang);
      const h = harness();
      const state = finished("rural-elderly-alone-dibao", lang);
      const results = await atResults(h, 2, state);
      // The second line's service, as the summary names it ("2. name (amount)").
      const name = /^2\. ([^（(\n]+)/m.exec(results.map((m) => m.text).join("\n"))![1]!.trim();
      const mark = h.sent.length;
      await h.tap(2, t("telegram.results.details", { n: 2 }));
      const details = h.since(mark);
      expect(details[0]!.text).toContain(name);
      expect(details[0]!.text).toMatch(lang === "en" ? /Where to apply: / : /到哪里办：/);
      // Still at the results: the buttons come again under the details, and the tapped ones are gone.
      expect(buttons(details.at(-1)!).map((b) => b.callback_data)).toEqual(buttons(results.at(-1)!).map((b) => b.callback_data));
      const edit = h.calls.filter((c) => c.method === "editMessageText").at(-1)!;
      expect(edit.payload).toMatchObject({ message_id: results.at(-1)!.message_id, text: `${results.at(-1)!.text}\n\n${t("telegram.chosen", { label: "2" })}` });
    });
  }

  it.each(["zh-CN", "en"] as const)("each command button does what its label says (%s)", async (lang) => {
    const t = translator(lang);
    const state = finished("rural-elderly-alone-dibao", lang);
    const checks: Record<string, (sent: SentMessage[], after: DialogueState) => void> = {
      // The next question that could find more.
      continue: (_, after) => expect(after.pending).toMatch(/^(m\d+|h|who|assist)/),
      all: (sent) => expect(sent[0]!.text.startsWith(t("results.universalTitle"))).toBe(true),
      pending: (sent) => expect(sent[0]!.text.startsWith(t("pending.title"))).toBe(true),
      print: (sent) => expect(sent.at(-1)!.document).toBeDefined(),
      restart: (sent, after) => {
        expect(sent[0]!.text).toBe(t("welcome"));
        expect(after.profile).toEqual({ members: [{ relation: "self" }] });
      },
    };
    for (const [i, [command, check]] of Object.entries(checks).entries()) {
      const h = harness();
      const chat = 10 + i;
      await atResults(h, chat, state);
      const mark = h.sent.length;
      await h.tap(chat, t(`telegram.results.${command}`));
      check(h.since(mark), await stored(h, chat));
    }
  });

  it("are not shown while a question is open, and come back with the results", async () => {
    const t = translator("zh-CN");
    const h = harness();
    await atResults(h, 3, finished("rural-elderly-alone-dibao"));
    // "change 1" asks the first answer again: only that question's own buttons.
    await h.text(3, "改 1");
    expect((await stored(h, 3)).pending).not.toBeNull();
    expect(buttons(h.sent.at(-1)!).every((b) => b.callback_data.startsWith("#"))).toBe(true);
    await h.text(3, "结果");
    expect(buttons(h.sent.at(-1)!).map((b) => b.callback_data)).toContain(t("telegram.results.print"));
  });

  it("offer at most twelve numbers; a larger one can still be typed", async () => {
    const t = translator("zh-CN");
    const h = harness();
    const state = finished("disabled-grade2-intellectual-only-son");
    expect(state.listed!.length).toBeGreaterThan(MAX_LINE_BUTTONS);
    const results = await atResults(h, 4, state);
    const numbers = buttons(results.at(-1)!).filter((b) => /^\d+$/.test(b.text));
    expect(numbers.map((b) => b.text)).toEqual(Array.from({ length: MAX_LINE_BUTTONS }, (_, i) => String(i + 1)));
    const mark = h.sent.length;
    await h.text(4, `详情 ${MAX_LINE_BUTTONS + 1}`);
    expect(h.since(mark)[0]!.text).not.toBe(t("details.noSuch", { n: MAX_LINE_BUTTONS + 1 }));
    expect(h.since(mark)[0]!.text).toMatch(/到哪里办：/);
  });

  it("with nothing found, offer no numbers and no print", async () => {
    const t = translator("zh-CN");
    const h = harness();
    const state = finished("unsure-about-everything");
    expect(state.listed ?? []).toEqual([]);
    const results = await atResults(h, 5, state);
    expect(buttons(results.at(-1)!).map((b) => b.callback_data)).toEqual(["continue", "all", "pending", "restart"].map((c) => t(`telegram.results.${c}`)));
  });
});

describe("telegram results within the message limit", () => {
  it("every sample persona's summary, and its uncut results, are one message per reply", () => {
    for (const p of personas()) {
      const state = converse(p, 60, false).state;
      for (const input of [state.lang === "en" ? "results" : "结果", state.lang === "en" ? "all results" : "全部结果"]) {
        for (const reply of respond(state, input).replies) {
          const messages = renderReply(reply);
          expect(messages, `${p.name}: ${input}`).toHaveLength(1);
          expect(messages[0]!.text.length).toBeLessThanOrEqual(TELEGRAM_MAX_TEXT);
        }
      }
    }
  });

  it("results longer than one message are split, the buttons on the last part only", async () => {
    // No real summary is this long (the test above); a core reply is made longer to see the split.
    const long = Array.from({ length: 400 }, (_, i) => `${i + 1}. ${"山东省基本公共服务".repeat(2)}`).join("\n");
    class LongResults extends ChatSessions {
      override async handle(key: string, input: string): Promise<SessionTurn> {
        const turn = await super.handle(key, input);
        return { ...turn, replies: [{ text: long }, ...turn.replies] };
      }
    }
    const store = new MemoryStore();
    const h = harness({ store, sessions: new LongResults(store) });
    const sent = await atResults(h, 6, finished("rural-elderly-alone-dibao"));
    expect(sent.length).toBeGreaterThan(3);
    for (const m of sent) expect(m.text.length).toBeLessThanOrEqual(TELEGRAM_MAX_TEXT);
    expect(sent.slice(0, -1).every((m) => m.reply_markup === undefined)).toBe(true);
    expect(buttons(sent.at(-1)!).map((b) => b.text)).toContain(translator("zh-CN")("telegram.results.print"));
    // Nothing of the long reply lost at the cuts.
    expect(sent.slice(0, -2).map((m) => m.text).join("\n")).toBe(long);
  });
});
